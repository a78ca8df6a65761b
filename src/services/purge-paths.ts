// Purge paths: the URLs of each kind of page a change can show on (and the footer's tags), pure.
import type { ArticlePurgeFacts } from '../db/queries/purge'
import { sitemapFileOf } from '../db/queries/sitemaps'
import { type Edition, editionPath } from '../lib/editions'

/** The variants of an article page that exist in caches: plain, and after a no-JS comment post. */
export function articlePagePaths(slug: string): string[] {
  return [`/news/${slug}`, `/news/${slug}?comment=approved`, `/news/${slug}?comment=pending`]
}

export function commentPaths(article: ArticlePurgeFacts): string[] {
  const cursors = article.commentCursors.map((cursor) => `?cursor=${encodeURIComponent(cursor)}`)
  return ['', ...cursors].flatMap((query) => [
    `/fragments/articles/${article.id}/comments${query}`,
    `/news/${article.slug}/comments${query}`,
  ])
}

export function embedPaths(slug: string): string[] {
  return [`/embed/articles/${slug}`, `/fragments/embed/articles/${slug}`]
}

/** The plain latest-list embeds a story can appear in: site-wide, its section's and its tags'. */
export function latestEmbedPaths(article: ArticlePurgeFacts): string[] {
  const tagged = article.tagSlugs.map((tag) => `?tag=${tag}`)
  const filters = ['', `?category=${article.categorySlug}`, ...tagged]
  return filters.flatMap((query) => [`/embed/latest${query}`, `/fragments/embed/latest${query}`])
}

/**
 * The numbered list pages a change purges by URL: the first few, where readers are. A big section
 * has thousands of pages at a million articles, and purging each would cost a cache call per page
 * on every publish; deeper pages are left to their 10-minute edge lifetime, and to the zone's
 * purge by tag where it is on.
 */
export const PURGED_LIST_PAGES = 5

/**
 * Facts are read after the change, so one page more: the page a withdrawn story's section has just
 * lost still holds it in caches.
 */
export function sectionPaths(kind: 'category' | 'tag', slug: string, pages: number): string[] {
  const purged = Math.min(pages + 1, PURGED_LIST_PAGES)
  const numbered = Array.from({ length: purged }, (_, i) => `/${kind}/${slug}?page=${i + 1}`)
  return [`/${kind}/${slug}`, ...numbered, `/${kind}/${slug}/feed.xml`, `/${kind}/${slug}/atom.xml`]
}

/** The corrections list (first pages) and its feeds; a new note lands on page 1 of each. */
export const CORRECTIONS_LISTS = [
  '/corrections',
  '/corrections?page=1',
  '/corrections/feed.xml',
  '/corrections/atom.xml',
]

/** An author's first page and feeds: where a new or changed story of theirs shows. */
export function authorPaths(slug: string): string[] {
  const base = `/author/${slug}`
  return [base, `${base}?page=1`, `${base}/feed.xml`, `${base}/atom.xml`]
}

/** The cache-policy tags of every full reader page (edge/cache-policy.ts): all show the footer. */
export const FOOTER_TAGS = [
  'home',
  'articles',
  'sections',
  'pages',
  'authors',
  'corrections',
  'search',
  'favorites',
]

/** The footer's pages, the home and section front pages of each edition, and the site's lists. */
export function footerPaths(
  change: { pages: string[]; sections: string[] },
  editions: readonly Pick<Edition, 'prefix'>[],
): string[] {
  const fronts = ['/', ...change.sections.map((slug) => `/category/${slug}`)]
  const prefixes = editions.length > 0 ? editions.map((edition) => edition.prefix) : ['']
  return [
    ...prefixes.flatMap((prefix) => fronts.map((path) => editionPath({ prefix }, path))),
    ...change.pages.map((slug) => `/${slug}`),
    '/corrections',
    '/favorites',
    '/search',
  ]
}

export const SITE_LISTS = [
  '/',
  '/feed.xml',
  '/atom.xml',
  '/sitemap.xml',
  '/sitemaps/news.xml',
  '/sitemaps/sections.xml',
]

/** Sitemap files hold fixed id ranges, so the ids alone name the files that list an article. */
export function sitemapFilePaths(article: Pick<ArticlePurgeFacts, 'id' | 'tagIds'>): string[] {
  return [
    `/sitemaps/articles-${sitemapFileOf(article.id)}.xml`,
    ...article.tagIds.map((id) => `/sitemaps/tags-${sitemapFileOf(id)}.xml`),
  ]
}
