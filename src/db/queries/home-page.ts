// The home page batch: an edition's latest stories, each section's leads, trending, and the chrome.
import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db } from '../client'
import { prepareBatch, slot } from '../prepared-batch'
import { articles, categories } from '../schema'
import { articleSummaryColumns, isPublic } from './articles'
import { currentBreakingAlertQuery, pickBreakingAlert } from './breaking-alerts'
import { attachBylines, bylineAuthorsQuery } from './bylines'
import { listCategoriesQuery } from './categories'
import { lastUpdateQuery, parseLastUpdate } from './site-state'
import { trendingQuery } from './trending'

const HOME_LATEST_COUNT = 13
const HOME_SECTION_COUNT = 4

const EDITION = slot<string>('edition')
const NOW = slot<Date>('now')

const inEdition = and(isPublic, eq(articles.language, EDITION))

/** The ids of the edition's newest stories: a bounded seek on its (language, status, published) index. */
function latestIdsQuery(db: Db) {
  return db
    .select({ id: articles.id })
    .from(articles)
    .where(inEdition)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(HOME_LATEST_COUNT)
}

/** The newest HOME_SECTION_COUNT ids of the current category, correlated with `categories`. */
function sectionLeadIds(db: Db) {
  const lead = alias(articles, 'lead')
  // (category, language, status, published_at) is one index range per section.
  return db
    .select({ id: lead.id })
    .from(lead)
    .where(
      and(
        eq(lead.categoryId, categories.id),
        eq(lead.language, EDITION),
        eq(lead.status, 'published'),
      ),
    )
    .orderBy(desc(lead.publishedAt), desc(lead.id))
    .limit(HOME_SECTION_COUNT)
}

/**
 * Built once (prepareBatch), with the edition and the time as its values. Section leads are driven
 * from the categories, each a bounded seek: the cost follows the number of sections, not the size
 * of the archive.
 */
const homePageBatch = prepareBatch((db) => {
  const leadIds = db
    .select({ id: articles.id })
    .from(categories)
    .innerJoin(articles, inArray(articles.id, sectionLeadIds(db)))
  return [
    listCategoriesQuery(db, EDITION),
    db
      .select(articleSummaryColumns)
      .from(articles)
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .where(inEdition)
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(HOME_LATEST_COUNT),
    db
      .select(articleSummaryColumns)
      .from(categories)
      .innerJoin(articles, inArray(articles.id, sectionLeadIds(db)))
      .orderBy(asc(categories.position), desc(articles.publishedAt), desc(articles.id)),
    trendingQuery(db, undefined, EDITION),
    lastUpdateQuery(db),
    currentBreakingAlertQuery(db, NOW),
    bylineAuthorsQuery(db, latestIdsQuery(db)),
    bylineAuthorsQuery(db, leadIds),
  ] as const
})

/** Everything one edition's home page shows, in one round trip. */
export async function loadHomePage(db: Db, edition: string, now = new Date()) {
  const [navigation, latestRows, leadRows, trending, lastUpdate, breaking, latestBy, leadsBy] =
    await homePageBatch(db, { edition, now })
  const latest = attachBylines(latestRows, latestBy)
  const sectionLeads = attachBylines(leadRows, leadsBy)
  const sections = navigation
    .filter((item) => item.kind !== 'page')
    .map((category) => ({
      ...category,
      stories: sectionLeads.filter((story) => story.categorySlug === category.slug),
    }))
    .filter((section) => section.stories.length > 0)
  return {
    navigation,
    latest,
    sections,
    trending,
    lastUpdateAt: parseLastUpdate(lastUpdate),
    breakingAlert: pickBreakingAlert(breaking),
  }
}
