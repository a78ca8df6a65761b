// The live desk for one article: coverage controls, the update form and the list, swapped as one.
import type { LiveDesk } from '../../../db/queries/live-updates'
import { RelativeTime } from '../../components/relative-time'
import type { EditorChrome, Notice } from '../chrome'
import { CsrfField } from '../components/csrf-field'
import { NoticeMessage } from '../components/notice'
import { EditorLayout } from '../layout'
import { type EditingUpdate, LiveDeskRows } from './live-desk-rows'
import { type LiveFormValues, LiveUpdateForm } from './live-update-form'

export interface LiveDeskProps {
  desk: LiveDesk
  csrfToken: string
  timeZone: string
  canCorrect: boolean
  canRun: boolean
  notice?: Notice
  /** What the form holds: empty after a post, what was typed after a refusal. */
  form: LiveFormValues
  formError?: string
  editing?: EditingUpdate
}

function CoverageControls({ desk, csrfToken, canRun, timeZone }: LiveDeskProps) {
  const base = `/editor/live/${desk.article.id}`
  const running = desk.blog !== null && desk.blog.endedAt === null
  return (
    <div class="live-desk__coverage">
      {desk.blog === null ? (
        <p>This article is not live.</p>
      ) : running ? (
        <p>
          <span class="live__badge">Live</span> since{' '}
          <RelativeTime date={desk.blog.startedAt} timeZone={timeZone} />
        </p>
      ) : (
        <p>
          Coverage ended <RelativeTime date={desk.blog.endedAt as Date} timeZone={timeZone} />; the
          page reads as a normal article with its updates.
        </p>
      )}
      {canRun ? (
        <form method="post" action={`${base}/${running ? 'end' : 'start'}`}>
          <CsrfField token={csrfToken} />
          <button
            type="submit"
            data-confirm={
              running ? 'End the live coverage? Readers stop getting updates.' : undefined
            }
          >
            {running ? 'End coverage' : desk.blog ? 'Resume coverage' : 'Start live coverage'}
          </button>
        </form>
      ) : null}
    </div>
  )
}

/** The part htmx swaps after each post or correction: notice, form and list. */
export function LiveDeskPanel(props: LiveDeskProps) {
  const { desk, csrfToken, timeZone, canCorrect, notice, form, formError, editing } = props
  const base = `/editor/live/${desk.article.id}`
  const running = desk.blog !== null && desk.blog.endedAt === null
  return (
    <div id="live-desk" class="live-desk">
      <NoticeMessage notice={notice} />
      {/* A refused post keeps its form even when coverage has ended, so the text is not lost. */}
      {running || formError ? (
        <LiveUpdateForm
          action={`${base}/updates`}
          csrfToken={csrfToken}
          values={form}
          error={formError}
          idPrefix="live"
          submitLabel="Post update"
        />
      ) : null}
      <LiveDeskRows
        base={base}
        updates={desk.updates}
        csrfToken={csrfToken}
        timeZone={timeZone}
        canCorrect={canCorrect}
        editing={editing}
      />
    </div>
  )
}

export function LiveDeskPage(props: LiveDeskProps & { chrome: EditorChrome }) {
  const { chrome, desk } = props
  return (
    <EditorLayout chrome={chrome} title={`Live: ${desk.article.title}`}>
      <p>
        <a href="/editor/live">Live desk</a>
      </p>
      <h1>{desk.article.title}</h1>
      <p>
        <a href={`/news/${desk.article.slug}`}>Open the reader's page</a>
      </p>
      <CoverageControls {...props} />
      <LiveDeskPanel {...props} />
    </EditorLayout>
  )
}
