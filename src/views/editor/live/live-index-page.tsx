// The live desk's front: running and ended coverage, going live on a story, and the breaking alert.
import type { BreakingAlert } from '../../../db/queries/breaking-alerts'
import type { LiveListItem } from '../../../db/queries/live-updates'
import { BREAKING_HEADLINE_MAX } from '../../../lib/live-input-limits'
import { RelativeTime } from '../../components/relative-time'
import type { EditorChrome, Notice } from '../chrome'
import { CsrfField } from '../components/csrf-field'
import { NoticeMessage } from '../components/notice'
import { EditorLayout } from '../layout'

export const BREAKING_DURATIONS = [30, 60, 120, 240, 720, 1440] as const

export interface BreakingFormValues {
  headline: string
  url: string
  minutes: string
}

export interface LiveIndexProps {
  chrome: EditorChrome
  coverage: LiveListItem[]
  candidates: { id: number; title: string }[]
  alert: BreakingAlert | null
  csrfToken: string
  timeZone: string
  canRun: boolean
  notice?: Notice
  breakingForm: BreakingFormValues
}

function BreakingForm({ alert, csrfToken, timeZone, breakingForm }: LiveIndexProps) {
  return (
    <section aria-labelledby="breaking-heading">
      <h2 id="breaking-heading">Breaking alert</h2>
      {alert ? (
        <form method="post" action="/editor/live/breaking/clear" class="live-desk__current">
          <p>
            Showing now: <a href={alert.url}>{alert.headline}</a>, until{' '}
            <RelativeTime date={alert.expiresAt} timeZone={timeZone} />.
          </p>
          <CsrfField token={csrfToken} />
          <button type="submit" class="button--quiet">
            Clear it now
          </button>
        </form>
      ) : (
        <p>No alert is showing.</p>
      )}
      <form method="post" action="/editor/live/breaking" class="live-form">
        <CsrfField token={csrfToken} />
        <label for="breaking-headline">One line</label>
        <input
          id="breaking-headline"
          name="headline"
          maxlength={BREAKING_HEADLINE_MAX}
          value={breakingForm.headline}
          required
        />
        <label for="breaking-url">Link (a path on this site or an https address)</label>
        <input id="breaking-url" name="url" value={breakingForm.url} required />
        <label for="breaking-minutes">Shows for</label>
        <select id="breaking-minutes" name="minutes">
          {BREAKING_DURATIONS.map((minutes) => (
            <option value={String(minutes)} selected={breakingForm.minutes === String(minutes)}>
              {minutes < 60
                ? `${minutes} minutes`
                : `${minutes / 60} hour${minutes > 60 ? 's' : ''}`}
            </option>
          ))}
        </select>
        <button type="submit">{alert ? 'Replace the alert' : 'Show the alert'}</button>
      </form>
    </section>
  )
}

export function LiveIndexPage(props: LiveIndexProps) {
  const { chrome, coverage, candidates, csrfToken, timeZone, canRun, notice } = props
  return (
    <EditorLayout chrome={chrome} title="Live desk">
      <h1>Live desk</h1>
      <NoticeMessage notice={notice} />
      <section aria-labelledby="coverage-heading">
        <h2 id="coverage-heading">Coverage</h2>
        {coverage.length === 0 ? <p>No live coverage yet.</p> : null}
        <ul class="live-desk__list">
          {coverage.map((item) => (
            <li>
              <a href={`/editor/live/${item.articleId}`}>{item.title}</a>{' '}
              {item.endedAt ? (
                <span>
                  ended <RelativeTime date={item.endedAt} timeZone={timeZone} />
                </span>
              ) : (
                <span class="live__badge">Live</span>
              )}
            </li>
          ))}
        </ul>
        {canRun && candidates.length > 0 ? (
          <form method="post" action="/editor/live/start" class="live-form">
            <CsrfField token={csrfToken} />
            <label for="live-article">Go live on a published story</label>
            <select id="live-article" name="article_id">
              {candidates.map((story) => (
                <option value={String(story.id)}>{story.title}</option>
              ))}
            </select>
            <button type="submit">Start live coverage</button>
          </form>
        ) : null}
      </section>
      {canRun ? <BreakingForm {...props} /> : null}
    </EditorLayout>
  )
}
