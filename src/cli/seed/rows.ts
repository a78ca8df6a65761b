// Turns generated content into table rows: ids, absolute timestamps, slugs and rendered HTML.
import type * as schema from '../../db/schema'
import { slugify } from '../../services/editorial-slug'
import { renderMarkdown } from '../../services/markdown'
import { generateArticles } from './articles'
import { generateComments } from './comments'
import { REFERENCE_ARTICLE, REFERENCE_RELATED, REFERENCE_SLUG } from './reference-article'
import { uniqueSlug } from './text'
import { buildSeedAuthors, buildSeedPages, linkSeedAuthors } from './trust'
import { generateViews } from './views'
import { CATEGORIES, IMAGE_HEIGHT, IMAGE_WIDTH, IMAGES, TAG_NAMES } from './words'

export interface SeedRows {
  categories: (typeof schema.categories.$inferInsert)[]
  tags: (typeof schema.tags.$inferInsert)[]
  articles: (typeof schema.articles.$inferInsert)[]
  articleTags: (typeof schema.articleTags.$inferInsert)[]
  comments: (typeof schema.comments.$inferInsert)[]
  articleViews: (typeof schema.articleViews.$inferInsert)[]
  siteState: (typeof schema.siteState.$inferInsert)[]
  authors: (typeof schema.authors.$inferInsert)[]
  articleAuthors: (typeof schema.articleAuthors.$inferInsert)[]
  pages: (typeof schema.pages.$inferInsert)[]
  /** Section names per edition (arabic-rows.ts); triggers keep their counts. */
  categoryEditions?: (typeof schema.categoryEditions.$inferInsert)[]
}

/**
 * Every row of the demo site. Ids are explicit (1..n, articles oldest first) so links between
 * rows are known before anything is written; only timestamps depend on `now`.
 */
export function buildSeedRows(now: number): SeedRows {
  const at = (ago: number) => new Date(now - ago)
  const seeds = generateArticles()
  const targets = seeds.map((article, i) => ({ id: i + 1, article }))

  const categoryIds = new Map(CATEGORIES.map((category, i) => [category.slug, i + 1]))
  const used = new Set(seeds.flatMap((article) => article.tags))
  const tagNames = TAG_NAMES.filter((name) => used.has(slugify(name)))
  const tagIds = new Map(tagNames.map((name, i) => [slugify(name), i + 1]))
  const unknown = [...used].filter((slug) => !tagIds.has(slug))
  if (unknown.length > 0) throw new Error(`Seed tags missing from TAG_NAMES: ${unknown.join(', ')}`)

  const slugs = new Set<string>()
  const articles = targets.map(({ id, article }) => {
    const image = IMAGES[article.image]
    if (!image) throw new Error(`No placeholder image ${article.image}`)
    return {
      id,
      slug: uniqueSlug(slugify(article.title), slugs),
      title: article.title,
      summary: article.summary,
      bodyMd: article.bodyMd,
      bodyHtml: renderMarkdown(article.bodyMd),
      categoryId: categoryIds.get(article.category) as number,
      byline: article.byline,
      imageUrl: image.url,
      imageAlt: image.alt,
      imageWidth: IMAGE_WIDTH,
      imageHeight: IMAGE_HEIGHT,
      status: article.status,
      publishedAt: article.publishedAgo === null ? null : at(article.publishedAgo),
      updatedAt: at(article.updatedAgo),
      createdAt: at(article.createdAgo),
      language: 'en',
    }
  })
  const idOf = (title: string) => articles.find((row) => row.title === title)?.id as number
  const referenceId = idOf(REFERENCE_ARTICLE.title)
  if (articles[referenceId - 1]?.slug !== REFERENCE_SLUG) throw new Error('Reference slug changed')

  // The reference story leads the trending list, then the Pentagon story and the newest others.
  const fixed = new Set([REFERENCE_ARTICLE, ...REFERENCE_RELATED])
  const newest = targets
    .filter(({ article }) => article.status === 'published' && !fixed.has(article))
    .sort((a, b) => (a.article.publishedAgo ?? 0) - (b.article.publishedAgo ?? 0))
  const pentagonId = idOf(REFERENCE_RELATED[0]?.title ?? '')
  const hotIds = [referenceId, pentagonId, ...newest.slice(0, 3).map(({ id }) => id)]

  const lastUpdate = articles
    .filter((row) => row.status === 'published')
    .reduce((latest, row) => Math.max(latest, row.updatedAt.getTime()), 0)

  const authors = buildSeedAuthors(at(30 * 24 * 3_600_000))
  return {
    authors,
    articleAuthors: linkSeedAuthors(articles, authors),
    pages: buildSeedPages(at(30 * 24 * 3_600_000)),
    categories: CATEGORIES.map(({ slug, name, description }, i) => ({
      id: i + 1,
      slug,
      name,
      description,
      position: i + 1,
    })),
    tags: tagNames.map((name, i) => ({ id: i + 1, slug: slugify(name), name })),
    articles,
    articleTags: targets.flatMap(({ id, article }) =>
      article.tags.map((slug) => ({ articleId: id, tagId: tagIds.get(slug) as number })),
    ),
    comments: generateComments(targets, referenceId).map(({ createdAgo, ...comment }) => ({
      ...comment,
      createdAt: at(createdAgo),
      idempotencyKey: `seed-${comment.id}`,
    })),
    articleViews: generateViews(targets, hotIds, now),
    siteState: [
      {
        key: 'last_update_at',
        value: new Date(lastUpdate).toISOString(),
        updatedAt: new Date(lastUpdate),
      },
    ],
  }
}
