// <head> tags that describe an article to search engines and social networks: OG, Twitter, JSON-LD.
import type { ArticleDetail } from '../../db/queries/article-page-data'
import type { CorrectionNote } from '../../db/queries/corrections'
import type { BylineAuthor } from '../../lib/byline'
import { shareImagePath } from '../../lib/media-variants'
import { JsonLd } from './json-ld'
import { correctionJsonLd, personJsonLd } from './trust-json-ld'

export interface ArticleMetaTagsProps {
  article: ArticleDetail
  tags: { name: string }[]
  authors?: readonly BylineAuthor[]
  corrections?: readonly CorrectionNote[]
  canonicalUrl: string
  origin: string
  siteName: string
}

export function ArticleMetaTags({
  article,
  tags,
  authors = [],
  corrections = [],
  canonicalUrl,
  origin,
  siteName,
}: ArticleMetaTagsProps) {
  const image = article.imageUrl
    ? new URL(shareImagePath(article.imageUrl, article.imageWidth), origin).href
    : undefined
  const published = article.publishedAt?.toISOString()
  const modified = article.updatedAt.toISOString()
  return (
    <>
      <link rel="canonical" href={canonicalUrl} />
      <link
        rel="alternate"
        type="application/json+oembed"
        href={`${origin}/oembed?url=${encodeURIComponent(canonicalUrl)}&format=json`}
        title={article.title}
      />
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content={siteName} />
      <meta property="og:title" content={article.title} />
      <meta property="og:description" content={article.summary} />
      <meta property="og:url" content={canonicalUrl} />
      {image ? <meta property="og:image" content={image} /> : null}
      {image && article.imageAlt ? (
        <meta property="og:image:alt" content={article.imageAlt} />
      ) : null}
      {published ? <meta property="article:published_time" content={published} /> : null}
      <meta property="article:modified_time" content={modified} />
      <meta property="article:section" content={article.categoryName} />
      {tags.map((tag) => (
        <meta property="article:tag" content={tag.name} />
      ))}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={article.title} />
      <meta name="twitter:description" content={article.summary} />
      {image ? <meta name="twitter:image" content={image} /> : null}
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          mainEntityOfPage: canonicalUrl,
          headline: article.title,
          description: article.summary,
          datePublished: published,
          dateModified: modified,
          author:
            authors.length > 0
              ? authors.map((author) => personJsonLd(author, origin))
              : [{ '@type': 'Person', name: authorName(article) }],
          correction:
            corrections.length > 0
              ? corrections.map((note) => correctionJsonLd(note, canonicalUrl))
              : undefined,
          publisher: {
            '@type': 'Organization',
            name: siteName,
            logo: { '@type': 'ImageObject', url: `${origin}/favicon.svg` },
          },
          image: image ? [image] : undefined,
          articleSection: article.categoryName,
          keywords: tags.map((tag) => tag.name),
          inLanguage: article.language,
        }}
      />
    </>
  )
}

/** "By Staff, Agencies" names the author as "Staff, Agencies". */
export function authorName(article: Pick<ArticleDetail, 'byline' | 'authorName'>): string {
  return article.byline.replace(/^by\s+/i, '').trim() || article.authorName || 'Staff'
}
