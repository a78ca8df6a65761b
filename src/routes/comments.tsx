// Reader comments: pages and fragments of approved comments, and posting with or without htmx.
import { type Context, Hono } from 'hono'
import {
  decodeCommentCursor,
  loadCommentPage,
  loadCommentsPageBySlug,
} from '../db/queries/comments'
import type { AppEnv } from '../env'
import { AppError, statusFor } from '../lib/errors'
import { readFormBody } from '../lib/form-body'
import { isHtmxRequest } from '../lib/htmx'
import { parseId } from '../lib/ids'
import { isValidSlug } from '../lib/slug'
import { withBodyLimit } from '../middleware/body-limit'
import { toAppError } from '../middleware/errors'
import { clientIp, hashClientIp } from '../services/client-ip'
import { type CommentDraft, readCommentForm, validateComment } from '../services/comment-input'
import { areCommentsClosed, postComment } from '../services/comments'
import { verifyTurnstile } from '../services/turnstile'
import { CommentForm, type CommentFormProps, POSTED_NOTICES } from '../views/fragments/comment-form'
import { CommentItem, CommentPage } from '../views/fragments/comment-list'
import { CommentsPage } from '../views/pages/comments-page'
import { siteChrome } from './page-context'

/** The limit: a comment form larger than this is refused before it is parsed. */
export const MAX_COMMENT_BODY_BYTES = 64 * 1024

function parseCursor(value: string | undefined) {
  if (value === undefined || value === '') return null
  const cursor = decodeCommentCursor(value)
  if (!cursor) throw new AppError('INVALID', 'The comments page link is not valid.')
  return cursor
}

/**
 * Answers a failed post with the form, the reader's text and a message: an htmx fragment, or a
 * page of its own without JavaScript. It needs no database, so it works when the database is down.
 */
function renderFormFailure(c: Context<AppEnv>, form: CommentFormProps, status: number) {
  c.status(status as 422)
  c.header('Cache-Control', 'no-store')
  if (isHtmxRequest(c.req.raw.headers)) return c.html(<CommentForm {...form} />)
  const chrome = siteChrome(c, { navigation: [], lastUpdateAt: null })
  return c.render(
    <CommentsPage
      chrome={chrome}
      article={{ id: form.articleId, slug: '', title: 'this article' }}
      comments={[]}
      total={0}
      nextCursor={null}
      form={form}
    />,
  )
}

/** A reply form keeps its own ids, so a failed reply comes back as the same reply form. */
function replyTarget(draft: CommentDraft) {
  return draft.parentId ? { id: draft.parentId, authorName: 'this comment' } : undefined
}

/**
 * What replaces the form after a successful htmx post: a fresh, empty form with the notice, or,
 * for a reply, just the notice (the main form stays where it is).
 */
function PostedNotice(props: {
  articleId: number
  draft: CommentDraft
  kind: 'approved' | 'pending'
  turnstileSiteKey?: string
}) {
  const notice = POSTED_NOTICES[props.kind]
  if (props.draft.parentId) {
    return (
      <p class={`notice notice--${notice.kind}`} role="status">
        {notice.text}
      </p>
    )
  }
  return (
    <CommentForm
      articleId={props.articleId}
      notice={notice}
      turnstileSiteKey={props.turnstileSiteKey}
    />
  )
}

function formValues(draft: CommentDraft) {
  const { authorName, body, parentId, idempotencyKey } = draft
  return { authorName, body, parentId, idempotencyKey }
}

export const comments = new Hono<AppEnv>()
  .get('/fragments/articles/:id/comments', async (c) => {
    const articleId = parseId(c.req.param('id'), 'article')
    const page = await loadCommentPage(c.var.db, articleId, parseCursor(c.req.query('cursor')))
    if (!page) throw new AppError('NOT_FOUND', 'There is no article with these comments.')
    return c.html(
      <CommentPage
        articleId={articleId}
        articleSlug={page.article.slug}
        comments={page.items}
        nextCursor={page.nextCursor}
        timeZone={c.var.config.site.timeZone}
      />,
    )
  })
  .get('/fragments/articles/:id/comments/:commentId/reply-form', (c) => {
    const articleId = parseId(c.req.param('id'), 'article')
    const parentId = parseId(c.req.param('commentId'), 'comment')
    return c.html(
      <CommentForm
        articleId={articleId}
        replyTo={{ id: parentId, authorName: 'this comment' }}
        turnstileSiteKey={c.var.config.turnstile?.siteKey}
      />,
    )
  })
  .get('/news/:slug/comments', async (c) => {
    const slug = c.req.param('slug')
    if (!isValidSlug(slug)) throw new AppError('NOT_FOUND', 'There is no article at this address.')
    const cursor = parseCursor(c.req.query('cursor'))
    const replyParam = c.req.query('reply_to')
    const replyToId = replyParam ? parseId(replyParam, 'comment') : undefined
    const page = await loadCommentsPageBySlug(c.var.db, slug, cursor)
    if (!page) throw new AppError('NOT_FOUND', 'There is no article at this address.')
    const { config } = c.var
    const open = !areCommentsClosed(page.article, config.comments.closeAfterDays, new Date())
    const replyTo = page.items.find((comment) => comment.id === replyToId)
    return c.render(
      <CommentsPage
        chrome={siteChrome(c, { navigation: page.navigation, lastUpdateAt: page.lastUpdateAt })}
        article={page.article}
        comments={page.items}
        total={page.total}
        nextCursor={page.nextCursor}
        form={
          open
            ? {
                articleId: page.article.id,
                replyTo: replyTo ? { id: replyTo.id, authorName: replyTo.authorName } : undefined,
                turnstileSiteKey: config.turnstile?.siteKey,
              }
            : undefined
        }
      />,
    )
  })
  .post('/articles/:id/comments', withBodyLimit(MAX_COMMENT_BODY_BYTES), async (c) => {
    const articleId = parseId(c.req.param('id'), 'article')
    const { config } = c.var
    const draft = readCommentForm(await readFormBody(c.req))
    const form: CommentFormProps = {
      articleId,
      values: formValues(draft),
      turnstileSiteKey: config.turnstile?.siteKey,
      replyTo: replyTarget(draft),
    }
    const htmx = isHtmxRequest(c.req.raw.headers)

    const errors = validateComment(draft)
    if (Object.keys(errors).length > 0) return renderFormFailure(c, { ...form, errors }, 422)

    const ip = clientIp(c.req.raw.headers)
    if (
      config.turnstile &&
      !(await verifyTurnstile(config.turnstile.secretKey, draft.turnstileToken, ip))
    ) {
      const notice = {
        kind: 'error',
        text: 'Please complete the check that you are not a robot.',
      } as const
      return renderFormFailure(c, { ...form, notice }, 422)
    }
    // A filled honeypot is a bot: it gets what a held comment gets, and nothing is stored.
    if (draft.website.trim() !== '') {
      if (!htmx) return c.redirect(`/articles/${articleId}?comment=pending`, 303)
      return c.html(<PostedNotice articleId={articleId} draft={draft} kind="pending" />)
    }

    let result: Awaited<ReturnType<typeof postComment>>
    try {
      result = await postComment(c.var.db, config.comments, {
        articleId,
        draft,
        ipHash: await hashClientIp(ip, config.ipHashSalt),
        now: new Date(),
      })
    } catch (error) {
      const appError = toAppError(error)
      if (appError.code === 'INTERNAL') throw error
      if (appError.retryAfter) c.header('Retry-After', String(appError.retryAfter))
      const notice = { kind: 'error', text: appError.message } as const
      return renderFormFailure(c, { ...form, notice }, statusFor(appError.code))
    }

    const kind = result.status === 'approved' ? 'approved' : 'pending'
    if (!htmx) return c.redirect(`/news/${result.articleSlug}?comment=${kind}#comments`, 303)
    const fresh = (
      <PostedNotice
        articleId={articleId}
        draft={draft}
        kind={kind}
        turnstileSiteKey={config.turnstile?.siteKey}
      />
    )
    if (kind !== 'approved') return c.html(fresh)
    const target = result.comment.parentId
      ? `#replies-${result.comment.parentId}`
      : '#comments-list'
    const context = { articleId, articleSlug: result.articleSlug, timeZone: config.site.timeZone }
    // The <ol> keeps the fragment valid HTML (an <li> needs a list); strip:true drops it on swap.
    return c.html(
      <>
        {fresh}
        <hx-partial data-hx-target={target} data-hx-swap="beforeend strip:true">
          <ol>
            <CommentItem comment={result.comment} context={context} />
          </ol>
        </hx-partial>
      </>,
    )
  })
