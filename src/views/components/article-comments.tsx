// The comments section under an article: count, first page of comments, and the form.
import type { ArticleDetail, ArticlePageData } from '../../db/queries/article-page'
import { CommentForm, type CommentNotice, CommentsClosedNotice } from '../fragments/comment-form'
import { CommentPage } from '../fragments/comment-list'

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
  return (
    <section id="comments" class="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading" class="section-heading">
        Comments <span class="comments__count">({comments.total})</span>
      </h2>
      {comments.items.length === 0 ? <p class="comments__empty">No comments yet.</p> : null}
      <ol class="comments__list" id="comments-list">
        <CommentPage
          articleId={article.id}
          articleSlug={article.slug}
          comments={comments.items}
          nextCursor={comments.nextCursor}
          timeZone={timeZone}
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
