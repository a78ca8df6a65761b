// What a change touches: the facts the purge service needs to list every affected URL, in one batch.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Db } from '../client'
import {
  articleAuthors,
  articles,
  articleTags,
  authors,
  categories,
  comments,
  relatedArticles,
  tags,
} from '../schema'
import { isPublic, isPublicRow } from './articles'
import { COMMENTS_PAGE_SIZE } from './comments'
import { SECTION_PAGE_SIZE } from './sections'

export interface ArticlePurgeFacts {
  id: number
  slug: string
  categorySlug: string
  tagSlugs: string[]
  /** Ids of the same tags, which decide their tag sitemap files. */
  tagIds: number[]
  /** Slugs of the articles whose related list shows this one. */
  shownOn: string[]
  /** Cursors of every comments page after the first. */
  commentCursors: string[]
  /** Slugs of its linked authors, whose pages and feeds list it. */
  authorSlugs?: string[]
  /** Its edition, whose lists show it. */
  language?: string
  /** Slugs of its translations, whose pages link to it (switcher, hreflang). */
  translationSlugs?: string[]
}

export interface SectionPurgeFacts {
  kind: 'category' | 'tag'
  slug: string
  pages: number
}

export interface PurgeFacts {
  articles: ArticlePurgeFacts[]
  sections: SectionPurgeFacts[]
}

/**
 * Everything needed to purge after a change to these articles: their slugs, sections and tags,
 * how many pages each of those sections has, which pages list them as related, and their comment
 * page cursors. Drafts are included: an unpublished article's old pages must go too.
 */
export async function loadPurgeFacts(db: Db, articleIds: number[]): Promise<PurgeFacts> {
  if (articleIds.length === 0) return { articles: [], sections: [] }
  const ids = [...new Set(articleIds)]
  const categoryIds = db
    .select({ id: articles.categoryId })
    .from(articles)
    .where(inArray(articles.id, ids))
  const tagIds = db
    .select({ id: articleTags.tagId })
    .from(articleTags)
    .where(inArray(articleTags.articleId, ids))
  const [rows, tagRows, shownOn, commentRows, categoryCounts, tagCounts, authorRows] =
    await db.batch([
      db
        .select({
          id: articles.id,
          slug: articles.slug,
          categorySlug: categories.slug,
          language: articles.language,
          // Slugs never hold spaces; a group has a handful of members, found by its index.
          // Spelled out, so that the names are the outer row's whatever drizzle qualifies.
          translationSlugs: sql<string | null>`(select group_concat(t.slug, ' ') from ${articles} t
            where t.translation_group = "articles"."translation_group" and t.id <> "articles"."id")`,
        })
        .from(articles)
        .innerJoin(categories, eq(categories.id, articles.categoryId))
        .where(inArray(articles.id, ids)),
      db
        .select({ articleId: articleTags.articleId, id: tags.id, slug: tags.slug })
        .from(articleTags)
        .innerJoin(tags, eq(tags.id, articleTags.tagId))
        .where(inArray(articleTags.articleId, ids)),
      db
        .select({ relatedId: relatedArticles.relatedId, slug: articles.slug })
        .from(relatedArticles)
        .innerJoin(articles, eq(articles.id, relatedArticles.articleId))
        .where(and(inArray(relatedArticles.relatedId, ids), isPublicRow)),
      // Every COMMENTS_PAGE_SIZE-th top-level approved comment ends a page; its key starts the next.
      db.all<{ article_id: number; created_at: number; id: number }>(sql`
      select article_id, created_at, id from (
        select ${comments.articleId} as article_id, ${comments.createdAt} as created_at, ${comments.id} as id,
          row_number() over (partition by ${comments.articleId} order by ${comments.createdAt}, ${comments.id}) as n
        from ${comments}
        where ${inArray(comments.articleId, ids)} and ${isNull(comments.parentId)} and ${eq(comments.status, 'approved')}
      ) where n % ${COMMENTS_PAGE_SIZE} = 0`),
      // Counts kept by triggers: a count(*) of a big tag would read every story it is on.
      db
        .select({ slug: categories.slug, total: categories.publishedCount })
        .from(categories)
        .where(inArray(categories.id, categoryIds)),
      db
        .select({ slug: tags.slug, total: tags.publishedCount })
        .from(tags)
        .where(inArray(tags.id, tagIds)),
      db
        .select({ articleId: articleAuthors.articleId, slug: authors.slug })
        .from(articleAuthors)
        .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
        .where(inArray(articleAuthors.articleId, ids)),
    ])
  const pages = (total: number) => Math.max(1, Math.ceil(total / SECTION_PAGE_SIZE))
  return {
    articles: rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      categorySlug: row.categorySlug,
      tagSlugs: tagRows.filter((tag) => tag.articleId === row.id).map((tag) => tag.slug),
      tagIds: tagRows.filter((tag) => tag.articleId === row.id).map((tag) => tag.id),
      shownOn: shownOn.filter((other) => other.relatedId === row.id).map((other) => other.slug),
      commentCursors: commentRows
        .filter((comment) => comment.article_id === row.id)
        .map((comment) => `${comment.created_at}.${comment.id}`),
      authorSlugs: authorRows.filter((a) => a.articleId === row.id).map((a) => a.slug),
      language: row.language,
      translationSlugs: row.translationSlugs?.split(' ') ?? [],
    })),
    sections: [
      ...categoryCounts.map((row) => ({
        kind: 'category' as const,
        slug: row.slug,
        pages: pages(row.total),
      })),
      ...tagCounts.map((row) => ({
        kind: 'tag' as const,
        slug: row.slug,
        pages: pages(row.total),
      })),
    ],
  }
}

/**
 * The facts of articles whose related list alone changed: that list shows on the article's own
 * page only, so its slug is all the purge needs. The full facts (the rows' tails, tags, the lists
 * showing each) of a refresh chunk's 200 articles were a second of random reads on a cold
 * million-article archive.
 */
export async function loadPagePurgeFacts(db: Db, articleIds: number[]): Promise<PurgeFacts> {
  if (articleIds.length === 0) return { articles: [], sections: [] }
  const rows = await db
    .select({ id: articles.id, slug: articles.slug })
    .from(articles)
    .where(inArray(articles.id, [...new Set(articleIds)]))
  const empty = { categorySlug: '', tagSlugs: [], tagIds: [], shownOn: [], commentCursors: [] }
  return { articles: rows.map((row) => ({ ...row, ...empty })), sections: [] }
}

/**
 * After a rename, the newest articles of a category are purged by URL, since their pages name it.
 * Bounded: a section of a big archive holds tens of thousands, more than one statement may list;
 * older pages show the new name when their hour at the edge runs out.
 */
export const RENAME_PURGED_ARTICLES = 500

/** The newest published articles of a category, whose pages name it, for purging after a rename. */
export async function listCategoryArticleIds(db: Db, categoryId: number): Promise<number[]> {
  const rows = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.categoryId, categoryId), isPublic))
    .orderBy(desc(articles.publishedAt))
    .limit(RENAME_PURGED_ARTICLES)
  return rows.map((row) => row.id)
}
