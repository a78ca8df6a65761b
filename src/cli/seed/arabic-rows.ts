// Adds the Arabic edition to the seed rows: its articles, tags, comments and views, the Arabic
// names of the sections, and the link between the reference article and its translation.
import { generateArabicArticles } from './arabic-articles'
import { generateArabicComments } from './arabic-comments'
import { AR_REFERENCE_SLUG } from './arabic-reference'
import { AR_IMAGE_ALTS, AR_SECTIONS, AR_TAGS } from './arabic-words'
import { REFERENCE_SLUG } from './reference-article'
import { buildArticleRow, buildArticleTagRows, buildCommentRows, type SeedRows } from './rows'
import { generateViews } from './views'

export const ARABIC = 'ar'

const nextId = (rows: readonly { id?: number }[]) =>
  rows.reduce((max, row) => Math.max(max, row.id ?? 0), 0) + 1

/**
 * The rows with the Arabic edition appended. Ids continue after the English ones, so the English
 * site keeps every id it had; the Arabic articles share the sections, named in category_editions.
 */
export function addArabicEdition(rows: SeedRows, now: number): SeedRows {
  const at = (ago: number) => new Date(now - ago)
  const categoryIds = new Map(rows.categories.map((row) => [row.slug, row.id as number]))
  const firstArticle = nextId(rows.articles)
  const targets = generateArabicArticles().map((article, i) => ({ id: firstArticle + i, article }))

  // The Arabic edition's own tags, named in Arabic: an edition's tags and related stories stay its
  // own, since related scoring finds candidates through shared tags whatever their language.
  const used = [...new Set(targets.flatMap(({ article }) => article.tags))]
  const firstTag = nextId(rows.tags)
  const arabicTags = used.map((slug, i) => {
    const name = AR_TAGS[slug]
    if (!name) throw new Error(`Arabic seed tag ${slug} has no Arabic name`)
    return { id: firstTag + i, slug: `ar-${slug}`, name }
  })
  const tagIds = new Map(used.map((slug, i) => [slug, firstTag + i]))

  const context = { at, categoryIds, language: ARABIC, imageAlts: AR_IMAGE_ALTS }
  const articles = targets.map((target) => buildArticleRow(target, target.article.slug, context))

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
    tags: [...rows.tags, ...arabicTags],
    articles: [
      ...rows.articles.map((row) => (row === english ? { ...row, ...linked } : row)),
      ...articles.map((row) => (row === translation ? { ...row, ...linked } : row)),
    ],
    articleTags: [...rows.articleTags, ...buildArticleTagRows(targets, tagIds)],
    comments: [...rows.comments, ...buildCommentRows(comments, at)],
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
  }
}
