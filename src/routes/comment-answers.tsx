// What a comment post answers: the form again with the reader's text, or the notice of success.
import type { Context } from 'hono'
import type { CommentView } from '../db/queries/comments'
import type { AppEnv } from '../env'
import { isHtmxRequest } from '../lib/htmx'
import type { I18n } from '../lib/i18n/i18n'
import type { CommentDraft } from '../services/comment-input'
import { CommentForm, type CommentFormProps } from '../views/fragments/comment-form'
import { PostedNotice, PublishedComment } from '../views/fragments/posted-notice'
import { I18nProvider } from '../views/i18n-context'
import { CommentsPage } from '../views/pages/comments-page'
import { siteChrome } from './page-context'

/** The form as the reader sent it: every value kept, and a failed reply comes back as the reply form. */
export function formFor(
  c: Context<AppEnv>,
  articleId: number,
  draft: CommentDraft,
  i18n: I18n,
): CommentFormProps {
  const { authorName, body, parentId, idempotencyKey } = draft
  return {
    articleId,
    values: { authorName, body, parentId, idempotencyKey },
    turnstileSiteKey: c.var.config.turnstile?.siteKey,
    replyTo: parentId ? { id: parentId, authorName: i18n.t('form.thisComment') } : undefined,
  }
}

/**
 * Answers a failed post with the form, the reader's text and a message, in the reader's edition: an
 * htmx fragment, or a page of its own without JavaScript. It needs no database, so it works when
 * the database is down.
 */
export function renderFormFailure(
  c: Context<AppEnv>,
  form: CommentFormProps,
  i18n: I18n,
  status: number,
) {
  c.status(status as 422)
  c.header('Cache-Control', 'no-store')
  if (isHtmxRequest(c.req.raw.headers)) {
    return c.html(
      <I18nProvider i18n={i18n}>
        <CommentForm {...form} />
      </I18nProvider>,
    )
  }
  const chrome = siteChrome(c, { navigation: [], lastUpdateAt: null, edition: i18n.edition })
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

export interface Posted {
  articleId: number
  parentId: number | null
  kind: 'approved' | 'pending'
  /** Null when nothing was stored (a bot's post); the article is then linked by id. */
  articleSlug: string | null
  /** The stored comment, swapped into the list when it is already published. */
  comment?: CommentView
}

/**
 * Answers a post that was taken: without JavaScript, a redirect to the article and its notice; with
 * htmx, the notice, plus the comment itself when it is published.
 */
export function answerPosted(c: Context<AppEnv>, posted: Posted, i18n: I18n) {
  const { articleId, parentId, kind, articleSlug, comment } = posted
  if (!isHtmxRequest(c.req.raw.headers)) {
    // /articles/:id redirects to the article's current slug, adding #comments itself.
    const location = articleSlug
      ? `/news/${articleSlug}?comment=${kind}#comments`
      : `/articles/${articleId}?comment=${kind}`
    return c.redirect(location, 303)
  }
  const { config } = c.var
  const notice = { articleId, parentId, kind, turnstileSiteKey: config.turnstile?.siteKey }
  return c.html(
    <I18nProvider i18n={i18n}>
      {kind !== 'approved' || !comment || !articleSlug ? (
        <PostedNotice {...notice} />
      ) : (
        <PublishedComment
          {...notice}
          comment={comment}
          articleSlug={articleSlug}
          timeZone={config.site.timeZone}
        />
      )}
    </I18nProvider>,
  )
}
