// The home page renders the latest seeded stories from the database.

import { createExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { and, desc, eq, inArray, lte } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { articles } from '../../src/db/schema'
import { testDb } from './fixtures'
import { html, meteredDb, NO_CACHE, request } from './helpers'

describe('GET /', () => {
  it('shows a top story and the latest stories, newest first, in one database round trip', async () => {
    const [newestBefore] = await testDb()
      .select({ publishedAt: articles.publishedAt })
      .from(articles)
      .where(and(eq(articles.status, 'published'), lte(articles.publishedAt, new Date())))
      .orderBy(desc(articles.publishedAt))
      .limit(1)
    const db = meteredDb()
    const response = await db.request('/')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/i)
    expect(await db.roundTrips()).toBe(1)

    const page = await html(response)
    expect(page.querySelectorAll('.front__top .card--lead')).toHaveLength(1)
    const latest = page.querySelectorAll('.front__top .card, #latest-heading ~ .card-grid .card')
    expect(latest).toHaveLength(13)
    // Other test files add stories concurrently, so compare with the newest one before the request.
    const topTime = page.querySelector('.front__top time')?.getAttribute('datetime') ?? ''
    expect(Date.parse(topTime)).toBeGreaterThanOrEqual(newestBefore?.publishedAt?.getTime() ?? 0)
    const times = latest
      .map((card) => card.querySelector('time[datetime]'))
      .map((time) => Date.parse(time?.getAttribute('datetime') ?? ''))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    // No scheduled story shows: asked of the stories themselves, not their dates, since another
    // file's cron run on a clock of its own publishes a story dated minutes ahead.
    const slugs = latest.map((card) =>
      (card.querySelector('.card__title a')?.getAttribute('href') ?? '').replace('/news/', ''),
    )
    const shown = await testDb()
      .select({ status: articles.status })
      .from(articles)
      .where(inArray(articles.slug, slugs))
    expect(shown).toHaveLength(13)
    expect(shown.every((story) => story.status === 'published')).toBe(true)
  })

  it('has a block of the newest stories for every section, in navigation order', async () => {
    const page = await html(await request('/'))
    const sectionLinks = page
      .querySelectorAll('section h2.section-heading a')
      .map((link) => link.getAttribute('href'))
    const navLinks = page
      .querySelectorAll('.site-nav a')
      .map((link) => link.getAttribute('href'))
      .filter((href) => href !== '/')
    expect(sectionLinks).toEqual(navLinks)
    for (const heading of page.querySelectorAll('section h2.section-heading a')) {
      const cards = heading.closest('section')?.querySelectorAll('.card') ?? []
      expect(cards.length).toBeGreaterThan(0)
      expect(cards.length).toBeLessThanOrEqual(4)
      for (const card of cards) {
        expect(card.querySelector('.card__section')?.getAttribute('href')).toBe(
          heading.getAttribute('href'),
        )
      }
    }
  })

  it('shows the site name, section navigation and the last update in Beirut time', async () => {
    const page = await html(await request('/'))
    expect(page.querySelector('.site-header__name')?.text).toBe('Bulletin')
    expect(page.querySelectorAll('.site-nav a').length).toBeGreaterThanOrEqual(9)
    expect(page.querySelector('.site-footer__update')?.text).toMatch(
      /Last update: \d{2}-\d{2}-\d{4} Hour: \d{2}:\d{2} Beirut Timing/,
    )
    expect(page.querySelector('html')?.getAttribute('lang')).toBe('en')
  })

  it('answers an unknown path with a 404 page', async () => {
    const response = await request('/no/such/page')
    expect(response.status).toBe(404)
    const page = await html(response)
    expect(page.querySelector('h1')?.text).toBe('Page not found')
  })

  it('explains a missing database setting without naming its value', async () => {
    const misconfigured = { ...env, TURSO_DATABASE_URL: undefined }
    const response = await createApp(NO_CACHE).fetch(
      new Request('http://bulletin.test/'),
      misconfigured,
      createExecutionContext(),
    )
    expect(response.status).toBe(500)
    const text = (await html(response)).querySelector('main')?.text ?? ''
    expect(text).toContain('not configured correctly')
    expect(text).not.toContain('TURSO_DATABASE_URL')
  })

  it('answers 503 with Retry-After and a readable page when the database is down', async () => {
    const deadDb = { ...env, TURSO_DATABASE_URL: 'http://127.0.0.1:9' }
    const response = await createApp(NO_CACHE).fetch(
      new Request('http://bulletin.test/'),
      deadDb,
      createExecutionContext(),
    )
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('30')
    const page = await html(response)
    expect(page.querySelector('h1')?.text).toBe('Temporarily unavailable')
    expect(page.toString()).not.toMatch(/at .*\.ts|select|Failed query/i)
  })
})
