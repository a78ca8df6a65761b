// The demo seed: realistic, deterministic content around the reference article, safe to run twice.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Client } from '@libsql/client'
import { and, asc, eq, isNull } from 'drizzle-orm'
import { parse } from 'node-html-parser'
import { afterEach, describe, expect, it } from 'vitest'
import { migrateDatabase, openClient } from '../../../src/cli/migrate'
import { type SeedOptions, seedDatabase } from '../../../src/cli/seed'
import { createDb, type Db } from '../../../src/db/client'
import {
  articles,
  articleTags,
  articleViews,
  categories,
  comments,
  siteState,
  tags,
  users,
} from '../../../src/db/schema'
import { verifyPassword } from '../../../src/services/passwords'
import { expectInert } from '../../support/inert-html'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** 04:22 in Beirut on the day of the reference page. */
const NOW = Date.parse('2025-07-02T01:22:00Z')
const PUBLIC_DIR = resolve(import.meta.dirname, '../../../public')
const REFERENCE_SLUG = 'kremlin-first-putin-macron-conversation-since-2022'
const TABLES = ['categories', 'tags', 'articles', 'article_tags', 'comments', 'article_views']

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

async function freshDb(): Promise<{ client: Client; db: Db }> {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-'))
  const client = openClient(`file:${dir}/t.db`)
  cleanups.push(() => {
    client.close()
    rmSync(dir, { recursive: true, force: true })
  })
  await migrateDatabase(client)
  return { client, db: createDb(client) }
}

async function seeded(options: Partial<SeedOptions> = {}) {
  const { client, db } = await freshDb()
  const result = await seedDatabase(db, {
    now: NOW,
    adminPassword: 'correct horse battery',
    ...options,
  })
  return { client, db, result }
}

async function rowCounts(client: Client): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of [...TABLES, 'users', 'site_state']) {
    const { rows } = await client.execute(`SELECT count(*) AS n FROM ${table}`)
    counts[table] = Number(rows[0]?.n)
  }
  return counts
}

function sumBy<T>(rows: T[], key: (row: T) => number, value: (row: T) => number) {
  const sums = new Map<number, number>()
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + value(row))
  return sums
}

const listArticles = (db: Db) =>
  db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      bodyMd: articles.bodyMd,
      publishedAt: articles.publishedAt,
    })
    .from(articles)
    .orderBy(asc(articles.id))

describe('seedDatabase', () => {
  it('creates at least eight ordered sections and 300 published articles over the last 60 days', async () => {
    const { db, result } = await seeded()
    const sections = await db.select().from(categories).orderBy(asc(categories.position))
    expect(sections.length).toBeGreaterThanOrEqual(8)
    expect(new Set(sections.map((c) => c.position)).size).toBe(sections.length)
    expect(sections[0]).toMatchObject({ slug: 'international-news', name: 'International News' })
    expect(result).toMatchObject({ seeded: true, categories: sections.length })

    const published = await db.select().from(articles).where(eq(articles.status, 'published'))
    expect(published.length).toBeGreaterThanOrEqual(300)
    const ages = published.map((a) => NOW - (a.publishedAt?.getTime() ?? Number.NaN))
    expect(Math.min(...ages)).toBeGreaterThan(0)
    expect(Math.max(...ages)).toBeLessThanOrEqual(60 * DAY)
    // Spread out, not bunched: stories from today and from more than six weeks ago.
    expect(ages.filter((age) => age < DAY).length).toBeGreaterThanOrEqual(3)
    expect(ages.filter((age) => age > 45 * DAY).length).toBeGreaterThanOrEqual(3)
    for (const article of published) {
      expect(article.updatedAt.getTime()).toBeGreaterThanOrEqual(
        article.publishedAt?.getTime() ?? 0,
      )
      expect(article.updatedAt.getTime()).toBeLessThanOrEqual(NOW)
    }
  })

  it('schedules stories for the next two days and keeps drafts unpublished', async () => {
    const { db } = await seeded()
    const scheduled = await db.select().from(articles).where(eq(articles.status, 'scheduled'))
    expect(scheduled.length).toBeGreaterThanOrEqual(5)
    for (const article of scheduled) {
      const due = (article.publishedAt?.getTime() ?? 0) - NOW
      expect(due).toBeGreaterThanOrEqual(HOUR)
      expect(due).toBeLessThanOrEqual(48 * HOUR)
    }
    const drafts = await db.select().from(articles).where(eq(articles.status, 'draft'))
    expect(drafts.length).toBeGreaterThanOrEqual(5)
    expect(drafts.every((article) => article.publishedAt === null)).toBe(true)
    const archived = await db.select().from(articles).where(eq(articles.status, 'archived'))
    expect(archived).toHaveLength(2)
  })

  it('includes the reference article with its real title, section, byline, tags and body', async () => {
    const { db } = await seeded()
    const [row] = await db
      .select({ article: articles, section: categories.name })
      .from(articles)
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .where(eq(articles.slug, REFERENCE_SLUG))
    expect(row?.article).toMatchObject({
      title: 'Kremlin: First Putin-Macron Conversation Since 2022',
      byline: 'By Staff, Agencies',
      status: 'published',
      language: 'en',
    })
    expect(row?.section).toBe('International News')
    expect(row?.article.publishedAt?.getTime()).toBe(NOW - 6 * HOUR)
    expect(row?.article.summary).toMatch(/^Russian President Vladimir Putin held a telephone/)

    const tagRows = await db
      .select({ name: tags.name, slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, row?.article.id ?? 0))
    expect(tagRows.map((t) => t.name).sort()).toEqual(['France', 'Macron', 'Putin', 'Russia'])
    expect(tagRows.map((t) => t.slug).sort()).toEqual(['france', 'macron', 'putin', 'russia'])

    const paragraphs = parse(row?.article.bodyHtml ?? '')
      .querySelectorAll('p')
      .map((p) => p.text)
    expect(paragraphs).toHaveLength(7)
    expect(paragraphs).toContain(
      'Putin and Macron discussed the Middle East, focusing on the recent "Israel"-Iran escalation. Both agreed that diplomacy is the way forward and to stay in touch for “possible coordination of the positions,” the Kremlin press service said.',
    )
    expect(paragraphs[6]).toMatch(
      /^France has been a major backer of Kiev, providing over €3\.7 billion/,
    )
  })

  it('publishes the other Related News stories of the reference page at the ages it shows', async () => {
    const { db } = await seeded()
    const expected: [string, number][] = [
      ['Pentagon Suspends Arms Deliveries to Kiev Due to Dwindling Stockpiles', 8 * HOUR],
      ['Netanyahu To Meet Trump Amid Mounting Calls for Gaza Ceasefire', DAY],
      ['EU Plans WTO Alternative as Trump Escalates Tariffs: FT', 5 * DAY],
    ]
    for (const [title, age] of expected) {
      const article = await db.select().from(articles).where(eq(articles.title, title)).get()
      expect(article?.status).toBe('published')
      expect(NOW - (article?.publishedAt?.getTime() ?? 0)).toBe(age)
      expect(article?.bodyMd.split('\n\n').length).toBeGreaterThanOrEqual(4)
    }
  })

  it('surrounds the reference article with International News stories that share its tags', async () => {
    const { client } = await seeded()
    const { rows } = await client.execute(`
      SELECT a.title FROM articles a
      JOIN categories c ON c.id = a.category_id
      JOIN article_tags at ON at.article_id = a.id
      JOIN tags t ON t.id = at.tag_id
      WHERE c.slug = 'international-news' AND a.status = 'published' AND a.slug <> '${REFERENCE_SLUG}'
        AND t.slug IN ('russia', 'putin', 'france', 'macron')
      GROUP BY a.id HAVING count(*) >= 2`)
    expect(rows.length).toBeGreaterThanOrEqual(5)
    expect(rows.map((r) => r.title)).toContain(
      'Macron Defends Call With Putin as Allies Seek Details',
    )
  })

  it('renders every body safely and gives each article tags, a summary and a local image', async () => {
    const { db } = await seeded()
    const all = await db.select().from(articles)
    const links = await db.select({ articleId: articleTags.articleId }).from(articleTags)
    const tagCounts = sumBy(
      links,
      (link) => link.articleId,
      () => 1,
    )
    for (const article of all) {
      expectInert(article.bodyHtml, article.title)
      const blocks = parse(article.bodyHtml).childNodes.filter(
        (node) => 'tagName' in node && node.tagName !== 'H2',
      )
      expect(blocks.length, article.title).toBeGreaterThanOrEqual(4)
      expect(blocks.length, article.title).toBeLessThanOrEqual(9)
      const count = tagCounts.get(article.id) ?? 0
      expect(count, article.title).toBeGreaterThanOrEqual(2)
      expect(count, article.title).toBeLessThanOrEqual(5)
      expect(article.summary.length).toBeGreaterThan(20)
      expect(article.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(article.imageUrl).toMatch(/^\/images\/placeholders\/[a-z-]+\.svg$/)
      expect(existsSync(join(PUBLIC_DIR, article.imageUrl ?? ''))).toBe(true)
      expect(article).toMatchObject({ imageWidth: 1200, imageHeight: 675 })
      expect(['en', 'ar']).toContain(article.language)
      expect(article.imageAlt.length).toBeGreaterThan(10)
    }
    expect(all.some((article) => article.bodyMd.includes('\n## '))).toBe(true)
    expect(all.some((article) => article.bodyMd.includes('\n- '))).toBe(true)
    expect(all.some((article) => article.bodyMd.includes('\n> '))).toBe(true)
    expect(all.some((article) => /\]\(https:\/\//.test(article.bodyMd))).toBe(true)
  })

  it('writes the same titles and slugs on two databases seeded with the same now', async () => {
    const first = await seeded()
    const second = await seeded()
    const a = await listArticles(first.db)
    const b = await listArticles(second.db)
    expect(b.map(({ title, slug }) => ({ title, slug }))).toEqual(
      a.map(({ title, slug }) => ({ title, slug })),
    )
    expect(new Set(a.map((article) => article.slug)).size).toBe(a.length)
  })

  it('writes the same content whatever the clock says, shifting only the timestamps', async () => {
    const shift = 3 * DAY + 5 * HOUR + 17 * 60_000
    const first = await seeded()
    const later = await seeded({ now: NOW + shift })
    const a = await listArticles(first.db)
    const b = await listArticles(later.db)
    expect(b.map(({ publishedAt, ...content }) => content)).toEqual(
      a.map(({ publishedAt, ...content }) => content),
    )
    b.forEach((article, i) => {
      const before = a[i]?.publishedAt?.getTime()
      if (before === undefined) expect(article.publishedAt).toBeNull()
      else expect(article.publishedAt?.getTime()).toBe(before + shift)
    })
  })

  it('adds nothing when run a second time on the same database', async () => {
    const { client, db } = await seeded()
    const before = await rowCounts(client)
    const again = await seedDatabase(db, { now: NOW + HOUR })
    expect(again).toMatchObject({ seeded: false, articles: 0 })
    expect(again.adminPassword).toBeUndefined()
    expect(await rowCounts(client)).toEqual(before)
  })

  it('threads replies under top-level comments of the same article, after the article went live', async () => {
    const { db } = await seeded()
    const all = await db.select().from(comments)
    const published = await db
      .select({ id: articles.id, publishedAt: articles.publishedAt })
      .from(articles)
      .where(eq(articles.status, 'published'))
    const publishedAt = new Map(published.map((a) => [a.id, a.publishedAt?.getTime() ?? 0]))
    const byId = new Map(all.map((comment) => [comment.id, comment]))
    const replies = all.filter((comment) => comment.parentId !== null)
    expect(replies.length).toBeGreaterThan(10)
    for (const reply of replies) {
      const parent = byId.get(reply.parentId ?? 0)
      expect(parent?.parentId).toBeNull()
      expect(parent?.articleId).toBe(reply.articleId)
      expect(reply.createdAt.getTime()).toBeGreaterThan(parent?.createdAt.getTime() ?? Infinity)
    }
    for (const comment of all) {
      expect(publishedAt.has(comment.articleId)).toBe(true)
      expect(comment.createdAt.getTime()).toBeGreaterThan(publishedAt.get(comment.articleId) ?? 0)
      expect(comment.createdAt.getTime()).toBeLessThan(NOW)
      expect(comment.ipHash).toMatch(/^[0-9a-f]{64}$/)
      expect(comment.idempotencyKey).toMatch(/^seed-\d+$/)
    }
    const statuses = new Set(all.map((comment) => comment.status))
    expect([...statuses].sort()).toEqual(['approved', 'pending', 'rejected', 'spam'])
  })

  it('gives the reference article a long approved thread and two comments awaiting moderation', async () => {
    const { db } = await seeded()
    const reference = await db
      .select()
      .from(articles)
      .where(eq(articles.slug, REFERENCE_SLUG))
      .get()
    const thread = await db
      .select()
      .from(comments)
      .where(eq(comments.articleId, reference?.id ?? 0))
    expect(thread.filter((c) => c.status === 'approved').length).toBeGreaterThanOrEqual(25)
    expect(thread.filter((c) => c.status === 'pending')).toHaveLength(2)
    const topLevel = await db
      .select()
      .from(comments)
      .where(and(eq(comments.articleId, reference?.id ?? 0), isNull(comments.parentId)))
    expect(topLevel.length).toBeGreaterThan(20)
  })

  it('records two weeks of views in which a few recent stories, led by the reference, are hot', async () => {
    const { db } = await seeded()
    const views = await db.select().from(articleViews)
    const firstDay = new Date(NOW - 13 * DAY).toISOString().slice(0, 10)
    const today = new Date(NOW).toISOString().slice(0, 10)
    expect(views.every((v) => v.day >= firstDay && v.day <= today && v.count > 0)).toBe(true)
    const byArticle = sumBy(
      views,
      (view) => view.articleId,
      (view) => view.count,
    )
    const totals = [...byArticle].map(([articleId, total]) => ({ articleId, total }))
    totals.sort((a, b) => b.total - a.total)
    const reference = await db
      .select()
      .from(articles)
      .where(eq(articles.slug, REFERENCE_SLUG))
      .get()
    expect(totals[0]?.articleId).toBe(reference?.id)
    const median = totals[Math.floor(totals.length / 2)]?.total ?? 0
    expect(totals.filter((t) => t.total > 5 * median).length).toBeGreaterThanOrEqual(3)
  })

  it('records the last content change for the footer', async () => {
    const { db } = await seeded()
    const state = await db.select().from(siteState).where(eq(siteState.key, 'last_update_at')).get()
    const published = await db.select().from(articles).where(eq(articles.status, 'published'))
    const latest = Math.max(...published.map((a) => a.updatedAt.getTime()))
    expect(state?.value).toBe(new Date(latest).toISOString())
    expect(state?.updatedAt.getTime()).toBe(latest)
    expect(latest).toBeLessThanOrEqual(NOW)
  })

  it('creates the local admin with a hash that accepts the given password', async () => {
    const { db, result } = await seeded({ adminEmail: 'chief@example.test' })
    expect(result.adminEmail).toBe('chief@example.test')
    expect(result.adminPassword).toBeUndefined()
    const admin = await db.select().from(users).where(eq(users.email, 'chief@example.test')).get()
    expect(admin).toMatchObject({ role: 'admin', name: 'Local Admin', disabled: false })
    expect((await verifyPassword('correct horse battery', admin?.passwordHash ?? '')).ok).toBe(true)
    expect((await verifyPassword('wrong horse battery', admin?.passwordHash ?? '')).ok).toBe(false)
    const roles = await db.select({ role: users.role }).from(users)
    expect(roles.map((u) => u.role).sort()).toEqual(['admin', 'author', 'editor'])
  })

  it('generates an admin password only when none is given, and returns it only once', async () => {
    const { db } = await freshDb()
    const first = await seedDatabase(db, { now: NOW })
    expect(first.adminEmail).toBe('admin@bulletin.local')
    expect(first.adminPassword).toMatch(/^[A-Za-z0-9]{20}$/)
    const admin = await db.select().from(users).where(eq(users.email, 'admin@bulletin.local')).get()
    expect((await verifyPassword(first.adminPassword ?? '', admin?.passwordHash ?? '')).ok).toBe(
      true,
    )

    const second = await seedDatabase(db, { now: NOW })
    expect(second.adminPassword).toBeUndefined()
    const after = await db.select().from(users).where(eq(users.email, 'admin@bulletin.local')).get()
    expect(after?.passwordHash).toBe(admin?.passwordHash)
  })

  it('treats an empty email or password, as from an unset variable, as not given', async () => {
    const { db } = await freshDb()
    const result = await seedDatabase(db, { now: NOW, adminEmail: ' ', adminPassword: '' })
    expect(result.adminEmail).toBe('admin@bulletin.local')
    expect(result.adminPassword).toMatch(/^[A-Za-z0-9]{20}$/)
    const admin = await db.select().from(users).where(eq(users.role, 'admin')).get()
    expect((await verifyPassword('', admin?.passwordHash ?? '')).ok).toBe(false)
  })
})
