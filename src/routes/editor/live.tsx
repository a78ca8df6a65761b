// The newsroom's live desk: coverage per article, the fast update form, corrections and the breaking alert.
import { Hono } from 'hono'
import { findBreakingAlert } from '../../db/queries/breaking-alerts'
import { listLiveBlogs, listLiveCandidates, loadLiveDesk } from '../../db/queries/live-updates'
import { AppError } from '../../lib/errors'
import { isHtmxRequest } from '../../lib/htmx'
import { allow, type EditorEnv } from '../../middleware/auth'
import { endBreakingAlert, setBreakingAlert } from '../../services/breaking-alert'
import { can, canViewArticle } from '../../services/editorial-permissions'
import {
  correctLiveUpdate,
  type LiveDeps,
  type LiveUpdateForm,
  postLiveUpdate,
  setCoverage,
} from '../../services/live-coverage'
import type { Notice } from '../../views/editor/chrome'
import { LiveDeskPage, LiveDeskPanel, type LiveDeskProps } from '../../views/editor/live/live-desk'
import type { EditingUpdate } from '../../views/editor/live/live-desk-rows'
import { type BreakingFormValues, LiveIndexPage } from '../../views/editor/live/live-index-page'
import { EMPTY_LIVE_FORM } from '../../views/editor/live/live-update-form'
import {
  type EditorContext,
  editorChrome,
  type FormBody,
  formText,
  parseId,
  readForm,
} from './context'

function liveDeps(c: EditorContext): LiveDeps {
  return { db: c.var.db, purge: c.var.purge, now: new Date() }
}

function readUpdateForm(form: FormBody): LiveUpdateForm {
  return {
    body: formText(form, 'body'),
    keyEvent: formText(form, 'key_event') === '1',
    imageUrl: formText(form, 'image_url'),
    imageAlt: formText(form, 'image_alt'),
  }
}

/** Refusals the editor can fix in place: their text comes back with the message, never lost. */
function isFixable(error: unknown): error is AppError {
  return error instanceof AppError && (error.code === 'INVALID' || error.code === 'CONFLICT')
}

type DeskState = Pick<LiveDeskProps, 'notice' | 'form' | 'formError' | 'editing'>

/** The desk after an action: the panel for htmx, the whole page otherwise, with `status`. */
async function renderDesk(c: EditorContext, articleId: number, state: DeskState, status = 200) {
  const desk = await loadLiveDesk(c.var.db, articleId)
  if (!desk) throw new AppError('NOT_FOUND', 'There is no such article.')
  const { user } = c.var
  // Every role may post to a live story, but a draft stays its author's and the editors', as
  // under /editor/articles/<id>: anyone else learns nothing about it, not even its title.
  if (desk.article.status !== 'published' && !canViewArticle(user, desk.article)) {
    throw new AppError('FORBIDDEN', 'You can only open your own articles.')
  }
  const props: LiveDeskProps = {
    desk,
    csrfToken: c.var.csrfToken,
    timeZone: c.var.config.site.timeZone,
    canCorrect: can(user, 'articles:edit-any'),
    canRun: can(user, 'articles:publish'),
    ...state,
  }
  c.status(status as 200)
  if (isHtmxRequest(c.req.raw.headers)) return c.html(<LiveDeskPanel {...props} />)
  return c.render(<LiveDeskPage chrome={editorChrome(c, 'live')} {...props} />)
}

async function renderIndex(c: EditorContext, notice?: Notice, breakingForm?: BreakingFormValues) {
  const [coverage, candidates, alert] = await Promise.all([
    listLiveBlogs(c.var.db),
    listLiveCandidates(c.var.db),
    findBreakingAlert(c.var.db, new Date()),
  ])
  return c.render(
    <LiveIndexPage
      chrome={editorChrome(c, 'live')}
      coverage={coverage}
      candidates={candidates}
      alert={alert}
      csrfToken={c.var.csrfToken}
      timeZone={c.var.config.site.timeZone}
      canRun={can(c.var.user, 'articles:publish')}
      notice={notice}
      breakingForm={breakingForm ?? { headline: '', url: '', minutes: '60' }}
    />,
  )
}

export const live = new Hono<EditorEnv>()
  .get('/live', (c) => renderIndex(c))
  .post('/live/start', allow('admin', 'editor'), async (c) => {
    const articleId = parseId(formText(await readForm(c), 'article_id'), 'article')
    await setCoverage(liveDeps(c), c.var.user, articleId, true)
    return c.redirect(`/editor/live/${articleId}`, 303)
  })
  .post('/live/breaking', allow('admin', 'editor'), async (c) => {
    const form = await readForm(c)
    const values = {
      headline: formText(form, 'headline'),
      url: formText(form, 'url'),
      minutes: formText(form, 'minutes'),
    }
    try {
      await setBreakingAlert(liveDeps(c), c.var.user, values)
    } catch (error) {
      if (!isFixable(error)) throw error
      c.status(422)
      return renderIndex(c, { kind: 'error', text: error.message }, values)
    }
    return renderIndex(c, { kind: 'success', text: 'The alert is showing on every reader page.' })
  })
  .post('/live/breaking/clear', allow('admin', 'editor'), async (c) => {
    await endBreakingAlert(liveDeps(c), c.var.user)
    return renderIndex(c, { kind: 'success', text: 'The alert is cleared.' })
  })
  .get('/live/:id', async (c) => {
    return renderDesk(c, parseId(c.req.param('id'), 'article'), { form: EMPTY_LIVE_FORM })
  })
  .post('/live/:id/:action{start|end}', allow('admin', 'editor'), async (c) => {
    const articleId = parseId(c.req.param('id'), 'article')
    if (!(await loadLiveDesk(c.var.db, articleId))) {
      throw new AppError('NOT_FOUND', 'There is no such article.')
    }
    await setCoverage(liveDeps(c), c.var.user, articleId, c.req.param('action') === 'start')
    return c.redirect(`/editor/live/${articleId}`, 303)
  })
  .post('/live/:id/updates', async (c) => {
    const articleId = parseId(c.req.param('id'), 'article')
    const form = readUpdateForm(await readForm(c))
    try {
      await postLiveUpdate(liveDeps(c), c.var.user, articleId, form)
    } catch (error) {
      if (!isFixable(error)) throw error
      const status = error.code === 'CONFLICT' ? 409 : 422
      return renderDesk(c, articleId, { form, formError: error.message }, status)
    }
    return renderDesk(c, articleId, {
      form: EMPTY_LIVE_FORM,
      notice: { kind: 'success', text: 'Posted. Readers see it within seconds.' },
    })
  })
  .post('/live/:id/updates/:update/:action{pin|delete}', allow('admin', 'editor'), async (c) => {
    const articleId = parseId(c.req.param('id'), 'article')
    const updateId = parseId(c.req.param('update'), 'update')
    const pinned = formText(await readForm(c), 'pinned') === '1'
    const change =
      c.req.param('action') === 'pin'
        ? { kind: 'pin' as const, pinned }
        : { kind: 'delete' as const }
    await correctLiveUpdate(liveDeps(c), c.var.user, articleId, updateId, change)
    const done = change.kind === 'delete' ? 'Deleted.' : pinned ? 'Pinned.' : 'Unpinned.'
    return renderDesk(c, articleId, {
      form: EMPTY_LIVE_FORM,
      notice: { kind: 'success', text: done },
    })
  })
  .post('/live/:id/updates/:update', allow('admin', 'editor'), async (c) => {
    const articleId = parseId(c.req.param('id'), 'article')
    const updateId = parseId(c.req.param('update'), 'update')
    const form = readUpdateForm(await readForm(c))
    try {
      await correctLiveUpdate(liveDeps(c), c.var.user, articleId, updateId, { kind: 'edit', form })
    } catch (error) {
      if (!isFixable(error)) throw error
      const editing: EditingUpdate = { id: updateId, values: form, error: error.message }
      return renderDesk(c, articleId, { form: EMPTY_LIVE_FORM, editing }, 422)
    }
    return renderDesk(c, articleId, {
      form: EMPTY_LIVE_FORM,
      notice: { kind: 'success', text: 'Correction saved.' },
    })
  })
