// Adds the Arabic edition to the seed rows: its articles, their tags, comments and views, the
// Arabic names of sections and tags, and the link between the reference article and its translation.

import { slugify } from '../../services/editorial-slug'
import { renderMarkdown } from '../../services/markdown'
import { generateArabicArticles } from './arabic-articles'
import { generateArabicComments } from './arabic-comments'
import { AR_REFERENCE_SLUG } from './arabic-reference'
import { AR_IMAGE_ALTS, AR_SECTIONS, AR_TAGS } from './arabic-words'
import { REFERENCE_SLUG } from './reference-article'
import type { SeedRows } from './rows'
import { generateViews } from './views'
import { IMAGE_HEIGHT, IMAGE_WIDTH, IMAGES, TAG_NAMES } from './words'

export const ARABIC = 'ar'

const nextId = (rows: readonly { id?: number }[]) =>
  rows.reduce((max, row) => Math.max(max, row.id ?? 0), 0) + 1

/**
 * The rows with the Arabic edition appended. Ids continue after the English ones, so the English
 * site keeps every id it had; the Arabic articles reuse the sections and, by slug, the tags, which
 * get their Arabic names in category_editions and tag_editions.
 */
export function addArabicEdition(rows: SeedRows, now: number): SeedRows {
  const at = (ago: number) => new Date(now - ago)
  const categoryIds = new Map(rows.categories.map((row) => [row.slug, row.id as number]))
  const firstArticle = nextId(rows.articles)
  const targets = generateArabicArticles().map((article, i) => ({ id: firstArticle + i, article }))

  const tags = [...rows.tags]
  const tagIds = new Map(tags.map((row) => [row.slug, row.id as number]))
  for (const slug of new Set(targets.flatMap(({ article }) => article.tags))) {
    if (tagIds.has(slug)) continue
    // A tag only Arabic stories use still gets its English name, for the English newsroom.
    const name = TAG_NAMES.find((candidate) => slugify(candidate) === slug)
    if (!name || !AR_TAGS[slug]) throw new Error(`Arabic seed tag ${slug} has no name`)
    const id = nextId(tags)
    tags.push({ id, slug, name })
    tagIds.set(slug, id)
  }

  const articles = targets.map(({ id, article }) => {
    const image = IMAGES[article.image]
    if (!image) throw new Error(`No placeholder image ${article.image}`)
    return {
      id,
      slug: article.slug,
      title: article.title,
      summary: article.summary,
      bodyMd: article.bodyMd,
      bodyHtml: renderMarkdown(article.bodyMd),
      categoryId: categoryIds.get(article.category) as number,
      byline: article.byline,
      imageUrl: image.url,
      imageAlt: AR_IMAGE_ALTS[article.image] ?? image.alt,
      imageWidth: IMAGE_WIDTH,
      imageHeight: IMAGE_HEIGHT,
      status: article.status,
      publishedAt: article.publishedAgo === null ? null : at(article.publishedAgo),
      updatedAt: at(article.updatedAgo),
      createdAt: at(article.createdAgo),
      language: ARABIC,
    }
  })

  const english = rows.articles.find((row) => row.slug === REFERENCE_SLUG)
  const translation = articles.find((row) => row.slug === AR_REFERENCE_SLUG)
  if (!english?.id || !translation)
    throw new Error('The reference article or its translation is missing')
  // A translation group is named after its first article: the English original.
  const linked = { translationGroup: english.id }
  const newest = targets
    .filter(({ id }) => id !== translation.id)
    .sort((a, b) => (a.article.publishedAgo ?? 0) - (b.article.publishedAgo ?? 0))

  const comments = generateArabicComments(targets, translation.id, nextId(rows.comments))
  return {
    ...rows,
    tags,
    articles: [
      ...rows.articles.map((row) => (row === english ? { ...row, ...linked } : row)),
      ...articles.map((row) => (row === translation ? { ...row, ...linked } : row)),
    ],
    articleTags: [
      ...rows.articleTags,
      ...targets.flatMap(({ id, article }) =>
        article.tags.map((slug) => ({ articleId: id, tagId: tagIds.get(slug) as number })),
      ),
    ],
    comments: [
      ...rows.comments,
      ...comments.map(({ createdAgo, ...comment }) => ({
        ...comment,
        createdAt: at(createdAgo),
        idempotencyKey: `seed-${comment.id}`,
      })),
    ],
    // Id 0 takes the top rank, which outsells everything, so no Arabic story tops the English one.
    articleViews: [
      ...rows.articleViews,
      ...generateViews(
        targets,
        [0, translation.id, ...newest.slice(0, 2).map(({ id }) => id)],
        now,
      ),
    ],
    categoryEditions: rows.categories.flatMap(({ id, slug }) => {
      const names = AR_SECTIONS[slug]
      return names ? [{ categoryId: id as number, language: ARABIC, ...names }] : []
    }),
    tagEditions: tags.flatMap(({ id, slug }) => {
      const name = AR_TAGS[slug]
      return name ? [{ tagId: id as number, language: ARABIC, name }] : []
    }),
  }
}
