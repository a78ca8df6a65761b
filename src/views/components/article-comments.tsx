// The comments section under an article: count, first page of comments, and the form.

import type { ArticleDetail, ArticlePageData } from '../../db/queries/article-page-data'
import { CommentForm, type CommentNotice, CommentsClosedNotice } from '../fragments/comment-form'
import { CommentPage } from '../fragments/comment-list'
import { useI18n } from '../i18n-context'

export interface Commenting {
  open: boolean
  notice?: CommentNotice
  turnstileSiteKey?: string
}

export interface ArticleCommentsProps {
  article: ArticleDetail
  comments: ArticlePageData['comments']
  commenting: Commenting
  timeZone: string
}

export function ArticleComments({ article, comments, commenting, timeZone }: ArticleCommentsProps) {
  const i18n = useI18n()
  return (
    // Wired for htmx only when the reader comes near it (public/js/site.js, data-htmx-later): its
    // reply links cost nothing while the article loads, and work as plain links until then.
    <section
      id="comments"
      class="comments"
      aria-labelledby="comments-heading"
      data-hx-ignore
      data-htmx-later
    >
      <h2 id="comments-heading" class="section-heading">
        {i18n.t('comments.heading')}{' '}
        <span class="comments__count">({i18n.number(comments.total)})</span>
      </h2>
      {comments.items.length === 0 ? (
        <p class="comments__empty">{i18n.t('comments.empty')}</p>
      ) : null}
      <ol class="comments__list" id="comments-list">
        <CommentPage
          articleId={article.id}
          articleSlug={article.slug}
          comments={comments.items}
          nextCursor={comments.nextCursor}
          timeZone={timeZone}
          open={commenting.open}
        />
      </ol>
      {commenting.open ? (
        <CommentForm
          articleId={article.id}
          notice={commenting.notice}
          turnstileSiteKey={commenting.turnstileSiteKey}
        />
      ) : (
        <CommentsClosedNotice />
      )}
    </section>
  )
}
