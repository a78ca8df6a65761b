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
  // In the article's edition: the page is rendered outside Layout's provider, so from the chrome.
  const { i18n } = chrome
  return (
    <Layout
      htmx
      chrome={chrome}
      title={i18n.t('comments.pageTitle', { title: article.title })}
      head={<meta name="robots" content="noindex, follow" />}
    >
      <p class="back-link">
        <a href={`/news/${article.slug}#comments`}>{i18n.t('comments.backToArticle')}</a>
      </p>
      <h1 class="page-title">{i18n.t('comments.pageHeading', { title: article.title })}</h1>
      <section class="comments" aria-labelledby="comments-heading">
        {/* The form's heading is an h3, as on the article page; an h2 keeps the outline whole. */}
        <h2 id="comments-heading" class="visually-hidden">
          {i18n.t('comments.count', { count: total })}
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
