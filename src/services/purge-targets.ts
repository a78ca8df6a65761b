// Purge targets: from the facts about what changed to every path and cache tag it affects (pure).
import type { PurgeFacts } from '../db/queries/purge'
import { type Edition, editionPath } from '../lib/editions'
import type { ContentChange, PurgeTargets } from '../lib/purge-types'
import { livePurgeTargets } from './live-purge'
import {
  articlePagePaths,
  authorPaths,
  CORRECTIONS_LISTS,
  commentPaths,
  embedPaths,
  FOOTER_TAGS,
  footerPaths,
  latestEmbedPaths,
  SITE_LISTS,
  sectionPaths,
  sitemapFilePaths,
} from './purge-paths'

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
      const inEdition = (list: string[]) => add(list.map((path) => editionPath({ prefix }, path)))
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
      inEdition(sitemapFilePaths(article))
      for (const tag of ['home', 'feeds', 'sitemaps', 'latest']) tags.add(tag)
    }
    if (change.kind === 'article' && change.previousSlug) {
      add(articlePagePaths(change.previousSlug))
      add(embedPaths(change.previousSlug))
    }
  }
  return { paths: [...paths].sort(), tags: [...tags].sort() }
}
