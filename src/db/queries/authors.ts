// Public author queries: an author's page and feed, each in one batch (list bylines: bylines.ts).
import { and, count, desc, eq, inArray, or } from 'drizzle-orm'
import type { BylineAuthor } from '../../lib/byline'
import type { Db } from '../client'
import { articleAuthors, articles, authors, categories } from '../schema'
import { type ArticleSummary, articleSummaryColumns, isPublic } from './articles'
import { type BreakingAlert, currentBreakingAlertQuery, pickBreakingAlert } from './breaking-alerts'
import { listCategoriesQuery, type NavigationItem } from './categories'
import { lastUpdateQuery, parseLastUpdate } from './site-state'

export const AUTHOR_PAGE_SIZE = 20

/** What a profile page shows about its author. */
export interface AuthorProfile extends BylineAuthor {
  id: number
  jobTitle: string
  bioHtml: string
  photoUrl: string | null
  photoAlt: string
  links: AuthorLink[]
}

export interface AuthorLink {
  label: string
  url: string
}

export interface AuthorPageData {
  author: AuthorProfile
  items: (ArticleSummary & { byline: string })[]
  total: number
  navigation: NavigationItem[]
  lastUpdateAt: Date | null
  /** The current breaking alert, read in the same batch (issue 21). */
  breakingAlert: BreakingAlert | null
}

export type AuthorLookup = { kind: 'found'; page: AuthorPageData } | { kind: 'moved'; slug: string }

/** Links stored as JSON; anything malformed shows as no links rather than failing the page. */
export function parseAuthorLinks(json: string): AuthorLink[] {
  try {
    const value: unknown = JSON.parse(json)
    if (!Array.isArray(value)) return []
    return value.filter(
      (link): link is AuthorLink =>
        typeof link?.label === 'string' && typeof link?.url === 'string',
    )
  } catch {
    return []
  }
}

const profileColumns = {
  id: authors.id,
  slug: authors.slug,
  name: authors.name,
  jobTitle: authors.jobTitle,
  bioHtml: authors.bioHtml,
  photoUrl: authors.photoUrl,
  photoAlt: authors.photoAlt,
  links: authors.links,
}

/**
 * One page (1-based) of an author's published stories, newest first, or null for no such author.
 * An author's imported slug (WordPress, Ghost) answers as moved to the current one.
 */
export async function loadAuthorPage(
  db: Db,
  slug: string,
  page: number,
): Promise<AuthorLookup | null> {
  const authorId = db.select({ id: authors.id }).from(authors).where(eq(authors.slug, slug))
  const theirs = and(inArray(articleAuthors.authorId, authorId), isPublic)
  const [found, moved, items, total, navigation, lastUpdate, breaking] = await db.batch([
    db.select(profileColumns).from(authors).where(eq(authors.slug, slug)),
    db.select({ slug: authors.slug }).from(authors).where(eq(authors.sourceSlug, slug)).limit(1),
    db
      .select({ ...articleSummaryColumns, byline: articles.byline })
      .from(articleAuthors)
      .innerJoin(articles, eq(articles.id, articleAuthors.articleId))
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .where(theirs)
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(AUTHOR_PAGE_SIZE)
      .offset((page - 1) * AUTHOR_PAGE_SIZE),
    db
      .select({ total: count() })
      .from(articleAuthors)
      .innerJoin(articles, eq(articles.id, articleAuthors.articleId))
      .where(theirs),
    listCategoriesQuery(db),
    lastUpdateQuery(db),
    currentBreakingAlertQuery(db),
  ])
  const row = found[0]
  if (!row) return moved[0] ? { kind: 'moved', slug: moved[0].slug } : null
  return {
    kind: 'found',
    page: {
      author: { ...row, links: parseAuthorLinks(row.links) },
      items,
      total: total[0]?.total ?? 0,
      navigation,
      lastUpdateAt: parseLastUpdate(lastUpdate),
      breakingAlert: pickBreakingAlert(breaking),
    },
  }
}

/** Whether a slug is taken by an author, under its current or its imported name. */
export async function isAuthorSlugTaken(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  const rows = await db
    .select({ id: authors.id })
    .from(authors)
    .where(or(eq(authors.slug, slug), eq(authors.sourceSlug, slug)))
  return rows.some((row) => row.id !== exceptId)
}
