// Turns generated content into table rows: ids, absolute timestamps, slugs and rendered HTML.
import type * as schema from '../../db/schema'
import { slugify } from '../../services/editorial-slug'
import { renderMarkdown } from '../../services/markdown'
import { generateArticles } from './articles'
import { type CommentSeed, generateComments } from './comments'
import { REFERENCE_ARTICLE, REFERENCE_RELATED, REFERENCE_SLUG } from './reference-article'
import { uniqueSlug } from './text'
import { buildSeedAuthors, buildSeedPages, linkSeedAuthors } from './trust'
import type { SeedTarget } from './types'
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
  const context = { at, categoryIds, language: 'en' }
  const articles = targets.map((target) =>
    buildArticleRow(target, uniqueSlug(slugify(target.article.title), slugs), context),
  )
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
    articleTags: buildArticleTagRows(targets, tagIds),
    comments: buildCommentRows(generateComments(targets, referenceId), at),
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

/** What an edition sets on its article rows besides the article itself. */
export interface ArticleRowContext {
  at: (ago: number) => Date
  categoryIds: ReadonlyMap<string, number>
  language: string
  /** Image alt texts in the edition's language, by image key; the English alt where missing. */
  imageAlts?: Readonly<Record<string, string>>
}

/** One article's row with its body rendered; the id and slug are the caller's. */
export function buildArticleRow(
  { id, article }: SeedTarget,
  slug: string,
  { at, categoryIds, language, imageAlts }: ArticleRowContext,
) {
  const image = IMAGES[article.image]
  if (!image) throw new Error(`No placeholder image ${article.image}`)
  return {
    id,
    slug,
    title: article.title,
    summary: article.summary,
    bodyMd: article.bodyMd,
    bodyHtml: renderMarkdown(article.bodyMd),
    categoryId: categoryIds.get(article.category) as number,
    byline: article.byline,
    imageUrl: image.url,
    imageAlt: imageAlts?.[article.image] ?? image.alt,
    imageWidth: IMAGE_WIDTH,
    imageHeight: IMAGE_HEIGHT,
    status: article.status,
    publishedAt: article.publishedAgo === null ? null : at(article.publishedAgo),
    updatedAt: at(article.updatedAgo),
    createdAt: at(article.createdAgo),
    language,
  }
}

/** One row per tag on each article, by the tag ids the edition gave its slugs. */
export function buildArticleTagRows(
  targets: readonly SeedTarget[],
  tagIds: ReadonlyMap<string, number>,
): SeedRows['articleTags'] {
  return targets.flatMap(({ id, article }) =>
    article.tags.map((slug) => ({ articleId: id, tagId: tagIds.get(slug) as number })),
  )
}

/** Comment rows at absolute times, each with an idempotency key of its own. */
export function buildCommentRows(
  comments: readonly CommentSeed[],
  at: (ago: number) => Date,
): SeedRows['comments'] {
  return comments.map(({ createdAgo, ...comment }) => ({
    ...comment,
    createdAt: at(createdAgo),
    idempotencyKey: `seed-${comment.id}`,
  }))
}
