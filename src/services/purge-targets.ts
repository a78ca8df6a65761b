// Purge targets: from the facts about what changed to every path and cache tag it affects (pure).
import type { ArticlePurgeFacts, PurgeFacts } from '../db/queries/purge'
import { sitemapFileOf } from '../db/queries/sitemaps'
import { type Edition, editionPath } from '../lib/editions'
import type { ContentChange, PurgeTargets } from '../lib/purge-types'
import { livePurgeTargets } from './live-purge'

/** The variants of an article page that exist in caches: plain, and after a no-JS comment post. */
function articlePagePaths(slug: string): string[] {
  return [`/news/${slug}`, `/news/${slug}?comment=approved`, `/news/${slug}?comment=pending`]
}

function commentPaths(article: ArticlePurgeFacts): string[] {
  const cursors = article.commentCursors.map((cursor) => `?cursor=${encodeURIComponent(cursor)}`)
  return ['', ...cursors].flatMap((query) => [
    `/fragments/articles/${article.id}/comments${query}`,
    `/news/${article.slug}/comments${query}`,
  ])
}

function embedPaths(slug: string): string[] {
  return [`/embed/articles/${slug}`, `/fragments/embed/articles/${slug}`]
}

/** The plain latest-list embeds a story can appear in: site-wide, its section's and its tags'. */
function latestEmbedPaths(article: ArticlePurgeFacts): string[] {
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
function sectionPaths(kind: 'category' | 'tag', slug: string, pages: number): string[] {
  const purged = Math.min(pages + 1, PURGED_LIST_PAGES)
  const numbered = Array.from({ length: purged }, (_, i) => `/${kind}/${slug}?page=${i + 1}`)
  return [`/${kind}/${slug}`, ...numbered, `/${kind}/${slug}/feed.xml`, `/${kind}/${slug}/atom.xml`]
}

/** The corrections list (first pages) and its feeds; a new note lands on page 1 of each. */
const CORRECTIONS_LISTS = [
  '/corrections',
  '/corrections?page=1',
  '/corrections/feed.xml',
  '/corrections/atom.xml',
]

/** An author's first page and feeds: where a new or changed story of theirs shows. */
function authorPaths(slug: string): string[] {
  const base = `/author/${slug}`
  return [base, `${base}?page=1`, `${base}/feed.xml`, `${base}/atom.xml`]
}

/** The cache-policy tags of every full reader page (edge/cache-policy.ts): all show the footer. */
const FOOTER_TAGS = [
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
function footerPaths(
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

const SITE_LISTS = [
  '/',
  '/feed.xml',
  '/atom.xml',
  '/sitemap.xml',
  '/sitemaps/news.xml',
  '/sitemaps/sections.xml',
]

/**
 * Pure: from the facts about the changed articles to every path and tag to purge. An article's
 * lists (home, sections, feeds, sitemaps, latest embeds) are its edition's, under its prefix.
 */
export function purgeTargetsFor(
  changes: ContentChange[],
  facts: PurgeFacts,
  editions: readonly Pick<Edition, 'code' | 'prefix'>[] = [],
): PurgeTargets {
  const paths = new Set<string>()
  const tags = new Set<string>()
  const add = (list: string[]) => {
    for (const path of list) paths.add(path)
  }
  const prefixOf = (language: string | undefined) =>
    editions.find((edition) => edition.code === language)?.prefix ?? ''
  let inEdition = add
  const byId = new Map(facts.articles.map((article) => [article.id, article]))
  const sectionPages = new Map(
    facts.sections.map((section) => [`${section.kind}:${section.slug}`, section.pages]),
  )
  const pagesOf = (kind: 'category' | 'tag', slug: string) =>
    sectionPages.get(`${kind}:${slug}`) ?? 1

  for (const change of changes) {
    if (change.kind === 'live-update' || change.kind === 'breaking-alert') {
      const live = livePurgeTargets(change)
      if (change.kind === 'live-update') add(articlePagePaths(change.slug))
      add(live.paths)
      for (const tag of live.tags) tags.add(tag)
      continue
    }
    if (change.kind === 'comment-approved') {
      const article = byId.get(change.articleId)
      if (!article) continue
      add(articlePagePaths(article.slug))
      add(commentPaths(article))
      tags.add(`comments:${article.id}`)
      continue
    }
    if (change.kind === 'author') {
      for (const slug of change.slugs) {
        add(authorPaths(slug))
        tags.add(`author:${slug}`)
      }
      // A merge rewrites the byline on each moved article's own page.
      for (const id of change.articleIds ?? []) {
        const article = byId.get(id)
        if (!article) continue
        add(articlePagePaths(article.slug))
        tags.add(`article:${article.id}`)
      }
      continue
    }
    if (change.kind === 'footer') {
      add(footerPaths(change, editions))
      for (const tag of FOOTER_TAGS) tags.add(tag)
      continue
    }
    if (change.kind === 'page') {
      // The footer menu is on every page; those copies age out with their edge lifetime.
      add([...change.slugs.map((slug) => `/${slug}`), '/', '/sitemaps/sections.xml'])
      tags.add('pages')
      continue
    }
    if (change.kind === 'correction') {
      add(CORRECTIONS_LISTS)
      tags.add('corrections')
    }
    const ids =
      change.kind === 'article' || change.kind === 'correction'
        ? [change.articleId]
        : change.kind === 'related-recomputed'
          ? change.articleIds
          : facts.articles.map((article) => article.id)
    for (const id of ids) {
      const article = byId.get(id)
      if (!article) continue
      add(articlePagePaths(article.slug))
      tags.add(`article:${article.id}`)
      if (change.kind === 'related-recomputed') continue
      const prefix = prefixOf(article.language)
      inEdition = (list) => add(list.map((path) => editionPath({ prefix }, path)))
      // The translations' pages name this one in their switcher and hreflang links.
      for (const slug of article.translationSlugs ?? []) add(articlePagePaths(slug))
      add(commentPaths(article))
      add(embedPaths(article.slug))
      inEdition(latestEmbedPaths(article))
      const categoryPages = pagesOf('category', article.categorySlug)
      inEdition(sectionPaths('category', article.categorySlug, categoryPages))
      tags.add(`category:${article.categorySlug}`)
      for (const tag of article.tagSlugs) {
        inEdition(sectionPaths('tag', tag, pagesOf('tag', tag)))
        tags.add(`tag:${tag}`)
      }
      for (const slug of article.shownOn) add(articlePagePaths(slug))
      for (const slug of article.authorSlugs ?? []) {
        add(authorPaths(slug))
        tags.add(`author:${slug}`)
      }
      inEdition(SITE_LISTS)
      // Sitemap files hold fixed id ranges, so the ids alone name the files that list them.
      inEdition([`/sitemaps/articles-${sitemapFileOf(article.id)}.xml`])
      inEdition(article.tagIds.map((id) => `/sitemaps/tags-${sitemapFileOf(id)}.xml`))
      for (const tag of ['home', 'feeds', 'sitemaps', 'latest']) tags.add(tag)
    }
    if (change.kind === 'article' && change.previousSlug) {
      add(articlePagePaths(change.previousSlug))
      add(embedPaths(change.previousSlug))
    }
  }
  return { paths: [...paths].sort(), tags: [...tags].sort() }
}
