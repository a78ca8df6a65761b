// The article page: every element of the reference news page, from breadcrumb to related news.
import { raw } from 'hono/html'
import type { ArticlePageData } from '../../db/queries/article-page-data'
import { ArticleComments, type Commenting } from '../components/article-comments'
import { ArticleFigure, ArticleHeader } from '../components/article-header'
import { ArticleMetaTags } from '../components/article-meta-tags'
import { ArticleTags } from '../components/article-tags'
import { Breadcrumb } from '../components/breadcrumb'
import { CorrectionNotes } from '../components/correction-notes'
import { type Alternate, HreflangLinks } from '../components/hreflang-links'
import { ShareLinks } from '../components/share-links'
import { SourceCredit } from '../components/source-credit'
import { StoryList } from '../components/story-list'
import { Layout } from '../layout'
import { LiveBlog } from '../live/live-blog'
import { LiveBlogJsonLd } from '../live/live-blog-json-ld'
import type { SiteChrome } from '../site'

export interface ArticlePageProps {
  chrome: SiteChrome
  page: ArticlePageData
  origin: string
  /** hreflang pairs to the article's translations; empty when it has none. */
  alternates: Alternate[]
  commenting: Commenting
  /** Signed proof of this page view, sent back with the view beacon (services/view-token.ts). */
  viewToken: string
}

export function ArticlePage(props: ArticlePageProps) {
  const { chrome, page, origin, alternates, commenting, viewToken } = props
  const { article, tags, related, comments, trending } = page
  const { timeZone } = chrome.site
  const canonicalUrl = `${origin}/news/${article.slug}`
  const isHot = trending.some((story) => story.id === article.id)
  const { i18n } = chrome
  return (
    <Layout
      htmx
      chrome={chrome}
      title={article.title}
      description={article.summary}
      language={article.language}
      feeds={[
        {
          title: `${chrome.site.name}: ${i18n.sectionName(article.categorySlug, article.categoryName)}`,
          base: i18n.href(`/category/${article.categorySlug}`),
        },
      ]}
      head={
        <>
          <HreflangLinks alternates={alternates} />
          <ArticleMetaTags
            article={article}
            tags={tags}
            authors={page.authors}
            corrections={page.corrections}
            canonicalUrl={canonicalUrl}
            origin={origin}
            siteName={chrome.site.name}
          />
        </>
      }
    >
      <Breadcrumb
        crumbs={[
          { name: i18n.t('header.home'), url: `${origin}${i18n.href('/')}` },
          {
            name: i18n.sectionName(article.categorySlug, article.categoryName),
            url: `${origin}${i18n.href(`/category/${article.categorySlug}`)}`,
          },
          { name: article.title, url: canonicalUrl },
        ]}
      />
      <div class="article-layout">
        <article class="article" data-article-id={article.id} data-view-token={viewToken}>
          <ArticleHeader
            article={article}
            timeZone={timeZone}
            isHot={isHot}
            authors={page.authors}
          />
          <CorrectionNotes notes={page.corrections} placement="top" timeZone={timeZone} />
          <ArticleFigure article={article} />
          {/* body_html was rendered from Markdown and sanitised by an allowlist when it was saved. */}
          <div class="article__body">{raw(article.bodyHtml)}</div>
          <SourceCredit url={article.canonicalUrl} />
          {page.live ? (
            <>
              <LiveBlog articleId={article.id} live={page.live} timeZone={timeZone} />
              <LiveBlogJsonLd live={page.live} url={canonicalUrl} headline={article.title} />
            </>
          ) : null}
          <CorrectionNotes notes={page.corrections} placement="bottom" timeZone={timeZone} />
          <ArticleTags tags={tags} />
          <ShareLinks url={canonicalUrl} title={article.title} />
          <ArticleComments
            article={article}
            comments={comments}
            commenting={commenting}
            timeZone={timeZone}
          />
        </article>
        <aside class="article-aside">
          <StoryList
            id="related-heading"
            heading={i18n.t('story.related')}
            stories={related}
            timeZone={timeZone}
          />
          <StoryList
            id="hot-heading"
            heading={i18n.t('story.hot')}
            stories={trending}
            timeZone={timeZone}
            hot
          />
        </aside>
      </div>
    </Layout>
  )
}
