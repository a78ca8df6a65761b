// Everything the article page shows, fetched in a single libSQL batch: one round trip.
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { prepareBatch, slot } from '../prepared-batch'
import {
  articles,
  articleTags,
  categories,
  media,
  relatedArticles,
  tagEditions,
  tags,
  users,
} from '../schema'
import type { ArticlePageResult } from './article-page-data'
import {
  articleSummaryColumns,
  isPublic,
  isPublicRow,
  movedSlugQuery,
  resolveSlug,
} from './articles'
import { currentBreakingAlertQuery, pickBreakingAlert } from './breaking-alerts'
import { bylineAuthorsQuery } from './bylines'
import { listCategoriesQuery } from './categories'
import { approvedCountQuery, assembleCommentPage, commentPageQueries } from './comments'
import { articleCorrectionsQuery } from './corrections'
import { assembleLiveBlog, liveBlogQueries } from './live-updates'
import { lastUpdateQuery, parseLastUpdate } from './site-state'
import { tagEditionOf, tagNameInEdition } from './tag-names'
import { trendingQuery } from './trending'

export const RELATED_LIMIT = 6

const SLUG = slot<string>('slug')
const NOW = slot<Date>('now')

/**
 * The page's batch, built once: every query keys on the slug through a subquery, so the whole
 * page, an old slug's redirect target included, costs one round trip.
 */
const articlePageBatch = prepareBatch((db) => {
  const articleId = articleIdBySlug(db)
  const categoryId = db
    .select({ id: articles.categoryId })
    .from(articles)
    .where(eq(articles.slug, SLUG))
  // The page is in its article's edition: its lists and section names are that edition's.
  const language = db
    .select({ language: articles.language })
    .from(articles)
    .where(eq(articles.slug, SLUG))
  const group = db
    .select({ group: articles.translationGroup })
    .from(articles)
    .where(eq(articles.slug, SLUG))
  return [
    db
      .select({
        ...articleSummaryColumns,
        bodyHtml: articles.bodyHtml,
        byline: articles.byline,
        authorName: users.name,
        status: articles.status,
        language: articles.language,
        commentsClosed: articles.commentsClosed,
        imageCaption: media.caption,
        imageCredit: media.credit,
        canonicalUrl: articles.canonicalUrl,
      })
      .from(articles)
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .leftJoin(users, eq(users.id, articles.authorId))
      // '/media/' is 7 characters: the rest of the address is the key, found by its unique index.
      .leftJoin(media, eq(media.key, sql`substr(${articles.imageUrl}, 8)`))
      .where(eq(articles.slug, SLUG)),
    movedSlugQuery(db, SLUG),
    // Tags named in the article's edition (article_tags.language is the article's).
    db
      .select({ slug: tags.slug, name: tagNameInEdition })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .leftJoin(tagEditions, tagEditionOf(sql`${articleTags.language}`))
      .where(inArray(articleTags.articleId, articleId))
      .orderBy(asc(tagNameInEdition)),
    db
      .select(articleSummaryColumns)
      .from(relatedArticles)
      .innerJoin(articles, eq(articles.id, relatedArticles.relatedId))
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .where(and(inArray(relatedArticles.articleId, articleId), isPublicRow))
      .orderBy(asc(relatedArticles.rank))
      .limit(RELATED_LIMIT),
    // The fallback until the cron has computed a related list: the latest in the same section.
    db
      .select(articleSummaryColumns)
      .from(articles)
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .where(
        and(
          inArray(articles.categoryId, categoryId),
          eq(articles.language, sql`(${language})`),
          isPublic,
          ne(articles.slug, SLUG),
        ),
      )
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(RELATED_LIMIT),
    ...commentPageQueries(db, articleId, null),
    approvedCountQuery(db, articleId),
    trendingQuery(db, undefined, language.getSQL()),
    listCategoriesQuery(db, language.getSQL()),
    lastUpdateQuery(db),
    currentBreakingAlertQuery(db, NOW),
    bylineAuthorsQuery(db, articleId),
    articleCorrectionsQuery(db, articleId),
    ...liveBlogQueries(db, articleId),
    // A never-translated article has no group: `= NULL` matches nothing, by the index.
    db
      .select({ slug: articles.slug, language: articles.language })
      .from(articles)
      .where(
        and(eq(articles.translationGroup, sql`(${group})`), isPublicRow, ne(articles.slug, SLUG)),
      )
      .orderBy(asc(articles.language)),
  ] as const
})

/** Loads the page for `slug`, in one round trip (`articlePageBatch`). */
export async function loadArticlePage(
  db: Db,
  slug: string,
  now = new Date(),
): Promise<ArticlePageResult> {
  const [
    found,
    moved,
    tagRows,
    related,
    sameSection,
    topLevel,
    replies,
    total,
    trending,
    nav,
    last,
    breaking,
    authorRows,
    notes,
    liveBlog,
    liveUpdates,
    translations,
  ] = await articlePageBatch(db, { slug, now })

  const lookup = resolveSlug(found[0], moved[0])
  if (lookup.kind !== 'found') return lookup
  const { article } = lookup
  return {
    kind: 'found',
    page: {
      article,
      authors: authorRows.map(({ slug, name }) => ({ slug, name })),
      corrections: notes,
      tags: tagRows,
      related: related.length > 0 ? related : sameSection,
      comments: { ...assembleCommentPage(topLevel, replies), total: total[0]?.total ?? 0 },
      trending,
      navigation: nav,
      lastUpdateAt: parseLastUpdate(last),
      breakingAlert: pickBreakingAlert(breaking),
      live: assembleLiveBlog(liveBlog, liveUpdates),
      translations,
    },
  }
}

function articleIdBySlug(db: Db) {
  return db.select({ id: articles.id }).from(articles).where(eq(articles.slug, SLUG))
}

/** The current slug of a published article, for links by id. */
export async function findPublishedSlug(db: Db, id: number): Promise<string | null> {
  const [row] = await db
    .select({ slug: articles.slug })
    .from(articles)
    .where(and(eq(articles.id, id), isPublic))
  return row?.slug ?? null
}
