// The article page: every element of the reference news page, from breadcrumb to related news.
import { raw } from 'hono/html'
import type { ArticlePageData } from '../../db/queries/article-page'
import { ArticleMetaTags } from '../components/article-meta-tags'
import { Breadcrumb } from '../components/breadcrumb'
import { FavoriteButton } from '../components/favorite-button'
import { RelativeTime } from '../components/relative-time'
import { ShareLinks } from '../components/share-links'
import { StoryList } from '../components/story-list'
import { CommentForm, type CommentNotice, CommentsClosedNotice } from '../fragments/comment-form'
import { CommentPage } from '../fragments/comment-list'
import { Layout } from '../layout'
import type { SiteChrome } from '../site'

export interface ArticlePageProps {
  chrome: SiteChrome
  page: ArticlePageData
  origin: string
  commenting: { open: boolean; notice?: CommentNotice; turnstileSiteKey?: string }
}

/** An edit within a few minutes of publishing is not worth an "Updated" line. */
const UPDATE_THRESHOLD_MS = 5 * 60_000

export function ArticlePage({ chrome, page, origin, commenting }: ArticlePageProps) {
  const { article, tags, related, comments, trending } = page
  const { timeZone } = chrome.site
  const canonicalUrl = `${origin}/news/${article.slug}`
  const isHot = trending.some((story) => story.id === article.id)
  const wasUpdated =
    article.publishedAt !== null &&
    article.updatedAt.getTime() - article.publishedAt.getTime() > UPDATE_THRESHOLD_MS
  return (
    <Layout
      chrome={chrome}
      title={article.title}
      description={article.summary}
      language={article.language}
      head={
        <ArticleMetaTags
          article={article}
          tags={tags}
          canonicalUrl={canonicalUrl}
          origin={origin}
          siteName={chrome.site.name}
        />
      }
    >
      <Breadcrumb
        crumbs={[
          { name: 'Home', url: `${origin}/` },
          { name: article.categoryName, url: `${origin}/category/${article.categorySlug}` },
          { name: article.title, url: canonicalUrl },
        ]}
      />
      <div class="article-layout">
        <article class="article" data-article-id={article.id}>
          <header class="article__header">
            <p class="article__kicker">
              <a class="article__section" href={`/category/${article.categorySlug}`}>
                {article.categoryName}
              </a>
              {isHot ? <span class="hot-marker">What's hot</span> : null}
            </p>
            <h1 class="article__title">{article.title}</h1>
            {article.summary ? <p class="article__summary">{article.summary}</p> : null}
            <div class="article__meta">
              {article.publishedAt ? (
                <span>
                  Published <RelativeTime date={article.publishedAt} timeZone={timeZone} />
                </span>
              ) : null}
              {wasUpdated ? (
                <span>
                  Updated <RelativeTime date={article.updatedAt} timeZone={timeZone} />
                </span>
              ) : null}
              <FavoriteButton articleId={article.id} title={article.title} />
            </div>
            {article.byline ? <p class="article__byline">{article.byline}</p> : null}
          </header>
          {article.imageUrl ? (
            <figure class="article__figure">
              <img
                src={article.imageUrl}
                alt={article.imageAlt}
                width={article.imageWidth ?? undefined}
                height={article.imageHeight ?? undefined}
                loading="lazy"
                decoding="async"
              />
            </figure>
          ) : null}
          {/* body_html was rendered from Markdown and sanitised by an allowlist when it was saved. */}
          <div class="article__body">{raw(article.bodyHtml)}</div>
          {tags.length > 0 ? (
            <nav class="article__tags" aria-label="Tags">
              <ul>
                {tags.map((tag) => (
                  <li>
                    <a href={`/tag/${tag.slug}`} rel="tag">
                      {tag.name}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <ShareLinks url={canonicalUrl} title={article.title} />
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
        </article>
        <aside class="article-aside">
          <StoryList
            id="related-heading"
            heading="Related News"
            stories={related}
            timeZone={timeZone}
          />
          <StoryList
            id="hot-heading"
            heading="What's hot"
            stories={trending}
            timeZone={timeZone}
            hot
          />
        </aside>
      </div>
    </Layout>
  )
}
