// Purge on change: the exact URLs and tags each kind of change affects, cleared here and everywhere.
import type { Db } from '../db/client'
import { insertAuditQuery } from '../db/queries/audit'
import {
  type ArticlePurgeFacts,
  listCategoryArticleIds,
  loadPurgeFacts,
  type PurgeFacts,
} from '../db/queries/purge'
import { sitemapFileOf } from '../db/queries/sitemaps'
import type { PageCache } from '../edge/page-cache'
import { purgeZone } from '../edge/zone-purge'
import type { ContentChange, PurgeReport, PurgeTargets } from '../lib/purge-types'
import { livePurgeTargets } from './live-purge'

export type { ContentChange, PurgeReport, PurgeTargets }

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

const SITE_LISTS = [
  '/',
  '/feed.xml',
  '/atom.xml',
  '/sitemap.xml',
  '/sitemaps/news.xml',
  '/sitemaps/sections.xml',
]

/** Pure: from the facts about the changed articles to every path and tag to purge. */
export function purgeTargetsFor(changes: ContentChange[], facts: PurgeFacts): PurgeTargets {
  const paths = new Set<string>()
  const tags = new Set<string>()
  const add = (list: string[]) => {
    for (const path of list) paths.add(path)
  }
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
      add(commentPaths(article))
      add(embedPaths(article.slug))
      add(latestEmbedPaths(article))
      add(sectionPaths('category', article.categorySlug, pagesOf('category', article.categorySlug)))
      tags.add(`category:${article.categorySlug}`)
      for (const tag of article.tagSlugs) {
        add(sectionPaths('tag', tag, pagesOf('tag', tag)))
        tags.add(`tag:${tag}`)
      }
      for (const slug of article.shownOn) add(articlePagePaths(slug))
      for (const slug of article.authorSlugs ?? []) {
        add(authorPaths(slug))
        tags.add(`author:${slug}`)
      }
      add(SITE_LISTS)
      // Sitemap files hold fixed id ranges, so the ids alone name the files that list them.
      add([`/sitemaps/articles-${sitemapFileOf(article.id)}.xml`])
      add(article.tagIds.map((id) => `/sitemaps/tags-${sitemapFileOf(id)}.xml`))
      for (const tag of ['home', 'feeds', 'sitemaps', 'latest']) tags.add(tag)
    }
    if (change.kind === 'article' && change.previousSlug) {
      add(articlePagePaths(change.previousSlug))
      add(embedPaths(change.previousSlug))
    }
  }
  return { paths: [...paths].sort(), tags: [...tags].sort() }
}

export interface PurgeDeps {
  db: Db
  /** The local data centre's cache; absent where the Cache API is not available. */
  cache: PageCache | undefined
  /** Cache keys are absolute: the site's origin (SITE_URL, or the request's). */
  origin: string
  zone?: { zoneId: string; apiToken: string; byTag: boolean; sleep?: (ms: number) => Promise<void> }
  /** Workers Cache's purge (`ctx.cache.purge`), where the runtime has it. */
  purgeWorkersCache?: (options: { tags: string[] }) => Promise<unknown>
}

async function factsFor(db: Db, changes: ContentChange[]): Promise<PurgeFacts> {
  const ids = new Set<number>()
  for (const change of changes) {
    if (change.kind === 'article' || change.kind === 'comment-approved') ids.add(change.articleId)
    if (change.kind === 'correction') ids.add(change.articleId)
    if (change.kind === 'related-recomputed') for (const id of change.articleIds) ids.add(id)
    if (change.kind === 'category-renamed') {
      for (const id of await listCategoryArticleIds(db, change.categoryId)) ids.add(id)
    }
  }
  return loadPurgeFacts(db, [...ids])
}

/**
 * Purges everything the changes affect: the local cache at once, then Cloudflare's zone purge and
 * Workers Cache when configured. It never throws: a failed purge is logged and recorded in the
 * audit log, and the editor's save stands.
 */
export async function purgeContent(
  deps: PurgeDeps,
  changes: ContentChange[],
): Promise<PurgeReport> {
  const failures: string[] = []
  let targets: PurgeTargets = { paths: [], tags: [] }
  let deleted = 0
  try {
    targets = purgeTargetsFor(changes, await factsFor(deps.db, changes))
    const urls = targets.paths.map((path) => new URL(path, deps.origin).href)
    if (deps.cache) {
      const results = await Promise.all(urls.map((url) => deps.cache?.delete(url)))
      deleted = results.filter(Boolean).length
    }
    if (deps.zone) {
      const { zoneId, apiToken, byTag, sleep } = deps.zone
      const request = byTag ? { tags: targets.tags } : { files: urls }
      failures.push(...(await purgeZone({ zoneId, apiToken, sleep }, request)))
    }
    if (deps.purgeWorkersCache && targets.tags.length > 0) {
      await deps.purgeWorkersCache({ tags: targets.tags })
    }
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error))
  }
  if (failures.length > 0) await recordFailure(deps.db, changes, failures)
  return { ...targets, deleted, failures }
}

async function recordFailure(db: Db, changes: ContentChange[], failures: string[]) {
  console.error(`purge failed: ${failures.join('; ')}`)
  const entry = {
    userId: null,
    action: 'purge.failed',
    targetType: 'cache',
    targetId: null,
    detail: { changes, failures },
  }
  await insertAuditQuery(db, [entry]).catch((error) =>
    console.error('could not record the purge failure:', error),
  )
}
