// Newsroom article reads: one article as the editor sees it, and what a save checks before writing.
import { and, asc, eq, inArray, like, ne, or } from 'drizzle-orm'
import type { Db } from '../client'
import {
  type ArticleStatus,
  articleAuthors,
  articles,
  articleTags,
  authors,
  categories,
  relatedPins,
  slugRedirects,
  tags,
  users,
} from '../schema'

export interface CategoryOption {
  id: number
  slug: string
  name: string
}

export interface EditableArticle {
  id: number
  slug: string
  title: string
  summary: string
  bodyMd: string
  bodyHtml: string
  categoryId: number
  categorySlug: string
  byline: string
  authorId: number | null
  authorName: string | null
  imageUrl: string | null
  imageAlt: string
  imageWidth: number | null
  imageHeight: number | null
  status: ArticleStatus
  publishedAt: Date | null
  updatedAt: Date
  createdAt: Date
  language: string
  commentsClosed: boolean
  tags: { slug: string; name: string }[]
  related: { id: number; slug: string; title: string }[]
  /** Linked author profiles in byline order (issue 18). */
  authors: { id: number; slug: string; name: string }[]
}

export function categoryOptionsQuery(db: Db) {
  return db
    .select({ id: categories.id, slug: categories.slug, name: categories.name })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.name))
}

/** The queries that make up one EditableArticle; run inside a caller's batch. */
export function editableArticleQueries(db: Db, id: number) {
  return [
    db
      .select({
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        summary: articles.summary,
        bodyMd: articles.bodyMd,
        bodyHtml: articles.bodyHtml,
        categoryId: articles.categoryId,
        categorySlug: categories.slug,
        byline: articles.byline,
        authorId: articles.authorId,
        authorName: users.name,
        imageUrl: articles.imageUrl,
        imageAlt: articles.imageAlt,
        imageWidth: articles.imageWidth,
        imageHeight: articles.imageHeight,
        status: articles.status,
        publishedAt: articles.publishedAt,
        updatedAt: articles.updatedAt,
        createdAt: articles.createdAt,
        language: articles.language,
        commentsClosed: articles.commentsClosed,
      })
      .from(articles)
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .leftJoin(users, eq(users.id, articles.authorId))
      .where(eq(articles.id, id)),
    db
      .select({ slug: tags.slug, name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, id))
      .orderBy(asc(tags.name)),
    db
      .select({ id: articles.id, slug: articles.slug, title: articles.title })
      .from(relatedPins)
      .innerJoin(articles, eq(articles.id, relatedPins.relatedId))
      .where(eq(relatedPins.articleId, id))
      .orderBy(asc(relatedPins.position)),
    db
      .select({ id: authors.id, slug: authors.slug, name: authors.name })
      .from(articleAuthors)
      .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
      .where(eq(articleAuthors.articleId, id))
      .orderBy(asc(articleAuthors.position)),
  ] as const
}

type EditableRows = [
  Omit<EditableArticle, 'tags' | 'related' | 'authors'>[],
  EditableArticle['tags'],
  EditableArticle['related'],
  EditableArticle['authors'],
]

export function assembleEditable([
  found,
  tagRows,
  pins,
  bylines,
]: EditableRows): EditableArticle | null {
  const article = found[0]
  return article ? { ...article, tags: tagRows, related: pins, authors: bylines } : null
}

/** Just what a permission check needs: whose article it is and where it stands; null if none. */
export async function findArticleAccess(
  db: Db,
  id: number,
): Promise<{ authorId: number | null; status: ArticleStatus } | null> {
  const [row] = await db
    .select({ authorId: articles.authorId, status: articles.status })
    .from(articles)
    .where(eq(articles.id, id))
  return row ?? null
}

/** The article form's data: the article and the section list, in one round trip. */
export async function loadArticleEditor(db: Db, id: number) {
  const [found, tagRows, pins, bylines, options] = await db.batch([
    ...editableArticleQueries(db, id),
    categoryOptionsQuery(db),
  ])
  return { article: assembleEditable([found, tagRows, pins, bylines]), categories: options }
}

/**
 * Everything a save checks before writing, in one round trip: the article as it is, the section
 * and pinned articles the input names, and which slugs near the wanted one are taken by others
 * (as live slugs or as redirects from old ones).
 */
export async function loadSaveContext(
  db: Db,
  input: {
    id: number | null
    category: string
    related: string[]
    slugBase: string
    authors?: string[]
  },
) {
  const others = (column: typeof articles.id | typeof slugRedirects.articleId) =>
    input.id === null ? undefined : ne(column, input.id)
  const near = (column: typeof articles.slug | typeof slugRedirects.oldSlug) =>
    or(eq(column, input.slugBase), like(column, `${input.slugBase}-%`))
  const [found, tagRows, pins, bylines, category, related, takenSlugs, takenRedirects, named] =
    await db.batch([
      ...editableArticleQueries(db, input.id ?? 0),
      db.select({ id: categories.id }).from(categories).where(eq(categories.slug, input.category)),
      db
        .select({ id: articles.id, slug: articles.slug, status: articles.status })
        .from(articles)
        .where(inArray(articles.slug, input.related.length > 0 ? input.related : [''])),
      db
        .select({ slug: articles.slug })
        .from(articles)
        .where(and(near(articles.slug), others(articles.id))),
      db
        .select({ slug: slugRedirects.oldSlug })
        .from(slugRedirects)
        .where(and(near(slugRedirects.oldSlug), others(slugRedirects.articleId))),
      db
        .select({ id: authors.id, slug: authors.slug })
        .from(authors)
        .where(inArray(authors.slug, input.authors?.length ? input.authors : [''])),
    ])
  return {
    current: input.id === null ? null : assembleEditable([found, tagRows, pins, bylines]),
    authors: named,
    categoryId: category[0]?.id ?? null,
    related,
    taken: new Set([...takenSlugs, ...takenRedirects].map((row) => row.slug)),
  }
}
