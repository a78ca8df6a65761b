// The comment moderation queue: browse by status; approve, reject or mark spam, one or many.
import { Hono } from 'hono'
import { loadModerationQueue, MODERATION_PAGE_SIZE } from '../../db/queries/moderation'
import { COMMENT_STATUSES, type CommentStatus } from '../../db/schema'
import { AppError } from '../../lib/errors'
import { isHtmxRequest } from '../../lib/htmx'
import { allow, type EditorEnv } from '../../middleware/auth'
import {
  isModerationAction,
  MODERATION_ACTIONS,
  moderateComments,
} from '../../services/editorial-moderation'
import { countPages } from '../../views/components/pagination'
import type { Notice } from '../../views/editor/chrome'
import { ModerationTabs } from '../../views/editor/components/moderation-tabs'
import { ModerationQueue } from '../../views/editor/fragments/moderation-queue'
import { ModerationPage } from '../../views/editor/pages/moderation-page'
import { parsePage } from '../sections'
import { type EditorContext, editorChrome, formList, formText, readForm } from './context'

function parseStatus(value: string | undefined): CommentStatus {
  return COMMENT_STATUSES.find((status) => status === value) ?? 'pending'
}

async function renderQueue(c: EditorContext, status: CommentStatus, page: number, notice?: Notice) {
  const data = await loadModerationQueue(c.var.db, status, page)
  const queue = {
    status,
    items: data.items,
    page,
    lastPage: countPages(data.total, MODERATION_PAGE_SIZE),
    csrfToken: c.var.csrfToken,
    timeZone: c.var.config.site.timeZone,
    notice,
  }
  if (isHtmxRequest(c.req.raw.headers)) {
    // The counts in the tabs change with every action, so they come along.
    return c.html(
      <>
        <ModerationQueue {...queue} />
        <hx-partial hx-target="#moderation-tabs" hx-swap="outerHTML">
          <ModerationTabs current={status} counts={data.counts} />
        </hx-partial>
      </>,
    )
  }
  return c.render(
    <ModerationPage chrome={editorChrome(c, 'comments')} counts={data.counts} queue={queue} />,
  )
}

/** "approve:12" from a row's own button, or the bulk action and the ticked boxes. */
function readChoice(form: Awaited<ReturnType<typeof readForm>>) {
  const single = /^(\d{1,15}):(\w+)$/.exec(formText(form, 'single'))
  const action = single ? (single[2] ?? '') : formText(form, 'action')
  const ids = single ? [Number(single[1])] : formList(form, 'ids').map(Number)
  if (!isModerationAction(action)) throw new AppError('INVALID', 'Choose approve, reject or spam.')
  if (ids.some((id) => !Number.isSafeInteger(id) || id < 1)) {
    throw new AppError('INVALID', 'One of the selected comments is not valid.')
  }
  return { action, ids }
}

function doneNotice(action: keyof typeof MODERATION_ACTIONS, changed: number): Notice {
  const word = MODERATION_ACTIONS[action]
  return {
    kind: 'success',
    text: changed === 1 ? `1 comment ${word}.` : `${changed} comments ${word}.`,
  }
}

export const comments = new Hono<EditorEnv>()
  .get('/comments', allow('admin', 'editor'), (c) => {
    // After a no-JS action the redirect says what was done, e.g. `done=approve-3`.
    const done = /^(approve|reject|spam)-(\d{1,3})$/.exec(c.req.query('done') ?? '')
    const notice =
      done && isModerationAction(done[1] ?? '')
        ? doneNotice(done[1] as keyof typeof MODERATION_ACTIONS, Number(done[2]))
        : undefined
    return renderQueue(
      c,
      parseStatus(c.req.query('status')),
      parsePage(c.req.query('page')),
      notice,
    )
  })
  .post('/comments/moderate', allow('admin', 'editor'), async (c) => {
    const form = await readForm(c)
    const status = parseStatus(formText(form, 'status'))
    const page = /^[1-9]\d{0,5}$/.test(formText(form, 'page')) ? Number(formText(form, 'page')) : 1
    const choice = readChoice(form)
    if (choice.ids.length === 0) {
      c.status(422)
      return renderQueue(c, status, page, {
        kind: 'error',
        text: 'Tick at least one comment first.',
      })
    }
    const { changed } = await moderateComments(
      { db: c.var.db, purge: c.var.purge, now: new Date() },
      c.var.user,
      choice.ids,
      choice.action,
    )
    if (!isHtmxRequest(c.req.raw.headers)) {
      return c.redirect(
        `/editor/comments?status=${status}&page=${page}&done=${choice.action}-${changed}`,
        303,
      )
    }
    return renderQueue(c, status, page, doneNotice(choice.action, changed))
  })
