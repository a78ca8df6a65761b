// Reader comments: pages and fragments of approved comments, and posting with or without htmx.
import { type Context, Hono } from 'hono'
import {
  decodeCommentCursor,
  findReplyTarget,
  loadCommentPage,
  loadCommentsPageBySlug,
} from '../db/queries/comments'
import type { AppEnv } from '../env'
import { AppError, statusFor } from '../lib/errors'
import { readFormBody } from '../lib/form-body'
import { createI18n } from '../lib/i18n/i18n'
import { ReaderError, translateError } from '../lib/i18n/reader-error'
import { parseId } from '../lib/ids'
import { isValidSlug } from '../lib/slug'
import { withBodyLimit } from '../middleware/body-limit'
import { toAppError } from '../middleware/errors'
import { clientIp, hashClientIp } from '../services/client-ip'
import { type CommentDraft, readCommentForm, validateComment } from '../services/comment-input'
import { areCommentsClosed, type PostCommentInput, postComment } from '../services/comments'
import { verifyTurnstile } from '../services/turnstile'
import { CommentForm } from '../views/fragments/comment-form'
import { CommentPage } from '../views/fragments/comment-list'
import { I18nProvider } from '../views/i18n-context'
import { CommentsPage } from '../views/pages/comments-page'
import { answerPosted, formFor, renderFormFailure } from './comment-answers'
import { findEditionByCode, siteChrome } from './page-context'

/** The limit: a comment form larger than this is refused before it is parsed. */
export const MAX_COMMENT_BODY_BYTES = 64 * 1024

function parseCursor(value: string | undefined) {
  if (value === undefined || value === '') return null
  const cursor = decodeCommentCursor(value)
  if (!cursor) throw new ReaderError('INVALID', 'problem.commentsCursor')
  return cursor
}

/** Turnstile, when configured: a network failure counts as a failed check (the text is kept). */
function passesRobotCheck(c: Context<AppEnv>, draft: CommentDraft, ip: string) {
  const { turnstile } = c.var.config
  return turnstile ? verifyTurnstile(turnstile.secretKey, draft.turnstileToken, ip) : true
}

/** Posts the comment; a domain failure comes back as a value, for the form to show it. */
async function submitComment(c: Context<AppEnv>, input: PostCommentInput) {
  try {
    return { ok: true, result: await postComment(c.var.db, c.var.config.comments, input) } as const
  } catch (error) {
    const appError = toAppError(error)
    if (appError.code === 'INTERNAL') throw error
    return { ok: false, error: appError } as const
  }
}

export const comments = new Hono<AppEnv>()
  .get('/fragments/articles/:id/comments', async (c) => {
    const articleId = parseId(c.req.param('id'), 'article')
    const page = await loadCommentPage(c.var.db, articleId, parseCursor(c.req.query('cursor')))
    if (!page) throw new AppError('NOT_FOUND', 'There is no article with these comments.')
    const { config } = c.var
    // Fragment URLs have no edition prefix: the comments speak their article's edition.
    return c.html(
      <I18nProvider i18n={createI18n(findEditionByCode(c, page.article.language))}>
        <CommentPage
          articleId={articleId}
          articleSlug={page.article.slug}
          comments={page.items}
          nextCursor={page.nextCursor}
          timeZone={config.site.timeZone}
          open={!areCommentsClosed(page.article, config.comments.closeAfterDays, new Date())}
        />
      </I18nProvider>,
    )
  })
  .get('/fragments/articles/:id/comments/:commentId/reply-form', async (c) => {
    const articleId = parseId(c.req.param('id'), 'article')
    const parentId = parseId(c.req.param('commentId'), 'comment')
    // Refused here rather than after the reader has written the reply.
    const target = await findReplyTarget(c.var.db, articleId, parentId)
    if (!target) throw new ReaderError('NOT_FOUND', 'problem.parentUnavailable')
    if (areCommentsClosed(target, c.var.config.comments.closeAfterDays, new Date())) {
      throw new ReaderError('FORBIDDEN', 'comments.closed')
    }
    // Its words, and the edition its posts answer in, are those of the page that asked for it.
    const i18n = createI18n(findEditionByCode(c, c.req.query('edition') ?? ''))
    return c.html(
      <I18nProvider i18n={i18n}>
        <CommentForm
          articleId={articleId}
          replyTo={{ id: parentId, authorName: i18n.t('form.thisComment') }}
          turnstileSiteKey={c.var.config.turnstile?.siteKey}
        />
      </I18nProvider>,
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
        chrome={siteChrome(c, {
          navigation: page.navigation,
          lastUpdateAt: page.lastUpdateAt,
          breakingAlert: page.breakingAlert,
          edition: findEditionByCode(c, page.article.language),
        })}
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
    const draft = readCommentForm(await readFormBody(c.req))
    // Comments post to one URL from every edition; the form says which one the reader reads.
    const i18n = createI18n(findEditionByCode(c, draft.edition))
    const form = formFor(c, articleId, draft, i18n)
    const errors = validateComment(draft, i18n.t)
    if (Object.keys(errors).length > 0) return renderFormFailure(c, { ...form, errors }, i18n, 422)
    const ip = clientIp(c.req.raw.headers)
    if (!(await passesRobotCheck(c, draft, ip))) {
      const notice = { kind: 'error', text: i18n.t('problem.robotCheck') } as const
      return renderFormFailure(c, { ...form, notice }, i18n, 422)
    }
    const { parentId } = draft
    // A filled honeypot is a bot: it gets what a held comment gets, and nothing is stored.
    if (draft.website.trim() !== '') {
      return answerPosted(c, { articleId, parentId, kind: 'pending', articleSlug: null }, i18n)
    }

    const ipHash = await hashClientIp(ip, c.var.config.ipHashSalt)
    const posted = await submitComment(c, { articleId, draft, ipHash, now: new Date() })
    if (!posted.ok) {
      const { error } = posted
      if (error.retryAfter) c.header('Retry-After', String(error.retryAfter))
      const notice = { kind: 'error', text: translateError(error, i18n) } as const
      return renderFormFailure(c, { ...form, notice }, i18n, statusFor(error.code))
    }
    const { status, articleSlug, comment } = posted.result
    const kind = status === 'approved' ? 'approved' : 'pending'
    // Approved at once, it is on the page from now on: purge before answering, so the no-JS
    // redirect back to the article already finds the page without the old cached copy.
    if (kind === 'approved') await c.var.purge([{ kind: 'comment-approved', articleId }])
    return answerPosted(c, { articleId, parentId, kind, articleSlug, comment }, i18n)
  })
