// The trending list that cron computes from recent views, for "What's hot".
import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, categories, trendingArticles } from '../schema'
import { type ArticleSummary, articleSummaryColumns, isPublic } from './articles'
import type { EditionKey } from './categories'

export const TRENDING_LIMIT = 5

export type TrendingItem = ArticleSummary

/** The trending list; with an edition's code (or a subquery giving one), only that edition's. */
export function trendingQuery(db: Db, limit = TRENDING_LIMIT, edition?: EditionKey) {
  const language =
    typeof edition === 'string' || edition === undefined ? edition : sql`(${edition})`
  return db
    .select(articleSummaryColumns)
    .from(trendingArticles)
    .innerJoin(articles, eq(articles.id, trendingArticles.articleId))
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(and(isPublic, language === undefined ? undefined : eq(articles.language, language)))
    .orderBy(asc(trendingArticles.rank))
    .limit(limit)
}
