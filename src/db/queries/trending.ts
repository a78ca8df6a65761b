// The trending list that cron computes from recent views, for "What's hot".
import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, categories, trendingArticles } from '../schema'
import { type ArticleSummary, articleSummaryColumns, isPublic } from './articles'

export const TRENDING_LIMIT = 5

export type TrendingItem = ArticleSummary

export function trendingQuery(db: Db, limit = TRENDING_LIMIT) {
  return db
    .select(articleSummaryColumns)
    .from(trendingArticles)
    .innerJoin(articles, eq(articles.id, trendingArticles.articleId))
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(and(isPublic))
    .orderBy(asc(trendingArticles.rank))
    .limit(limit)
}
