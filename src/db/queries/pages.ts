// Static pages for readers: one published page with the site chrome, and the footer menu.
import { and, eq } from 'drizzle-orm'
import type { Db } from '../client'
import { pages } from '../schema'
import { type BreakingAlert, currentBreakingAlertQuery, pickBreakingAlert } from './breaking-alerts'
import { listCategoriesQuery, type NavigationItem } from './categories'
import { lastUpdateQuery, parseLastUpdate } from './site-state'

export interface StaticPageView {
  id: number
  slug: string
  title: string
  summary: string
  bodyHtml: string
  language: string
  publishedAt: Date | null
  updatedAt: Date
}

export interface StaticPageData {
  page: StaticPageView
  navigation: NavigationItem[]
  lastUpdateAt: Date | null
  breakingAlert: BreakingAlert | null
}

/** A published page by slug with the chrome, in one batch; null for a draft or no such page. */
export async function loadStaticPage(db: Db, slug: string): Promise<StaticPageData | null> {
  const [found, navigation, lastUpdate, breaking] = await db.batch([
    db
      .select({
        id: pages.id,
        slug: pages.slug,
        title: pages.title,
        summary: pages.summary,
        bodyHtml: pages.bodyHtml,
        language: pages.language,
        publishedAt: pages.publishedAt,
        updatedAt: pages.updatedAt,
      })
      .from(pages)
      .where(and(eq(pages.slug, slug), eq(pages.status, 'published'))),
    listCategoriesQuery(db),
    lastUpdateQuery(db),
    currentBreakingAlertQuery(db),
  ])
  const page = found[0]
  if (!page) return null
  return {
    page,
    navigation,
    lastUpdateAt: parseLastUpdate(lastUpdate),
    breakingAlert: pickBreakingAlert(breaking),
  }
}
