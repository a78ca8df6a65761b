// The comments of one article on a page of their own: "Load more" and replies without JavaScript.
import type { CommentView } from '../../db/queries/comments'
import { CommentForm, type CommentFormProps, CommentsClosedNotice } from '../fragments/comment-form'
import { CommentPage } from '../fragments/comment-list'
import { Layout } from '../layout'
import type { SiteChrome } from '../site'

export interface CommentsPageProps {
  chrome: SiteChrome
  article: { id: number; slug: string; title: string }
  comments: CommentView[]
  total: number
  nextCursor: string | null
  /** The reply or error form, or undefined when comments are closed. */
  form: CommentFormProps | undefined
}

export function CommentsPage({
  chrome,
  article,
  comments,
  total,
  nextCursor,
  form,
}: CommentsPageProps) {
  return (
    <Layout
      htmx
      chrome={chrome}
      title={`Comments: ${article.title}`}
      head={<meta name="robots" content="noindex, follow" />}
    >
      <p class="back-link">
        <a href={`/news/${article.slug}#comments`}>← Back to the article</a>
      </p>
      <h1 class="page-title">Comments on “{article.title}”</h1>
      <section class="comments" aria-labelledby="comments-heading">
        {/* The form's heading is an h3, as on the article page; an h2 keeps the outline whole. */}
        <h2 id="comments-heading" class="visually-hidden">
          {total === 1 ? '1 comment' : `${total} comments`}
        </h2>
        <ol class="comments__list" id="comments-list">
          <CommentPage
            articleId={article.id}
            articleSlug={article.slug}
            comments={comments}
            nextCursor={nextCursor}
            timeZone={chrome.site.timeZone}
            open={form !== undefined}
          />
        </ol>
        {form ? <CommentForm {...form} /> : <CommentsClosedNotice />}
      </section>
    </Layout>
  )
}
