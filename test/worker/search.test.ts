// Search: FTS5 ranking by relevance and freshness, safe snippets, any input answered, one round trip.
import { inArray } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { articles } from '../../src/db/schema'
import { slugify } from '../../src/services/editorial-slug'
import { expectInert } from '../support/inert-html'
import { type ArticleFixture, insertArticle, testDb, uniqueSuffix } from './fixtures'
import { html, meteredDb, request } from './helpers'

const DAY = 86_400_000

/**
 * A nonsense word no seed article and no other test uses, so results are only our fixtures. The
 * final `x` keeps the porter stemmer from trimming it, so it is indexed exactly as written.
 */
function uniqueWord(): string {
  return `zq${uniqueSuffix()}x`
}

function daysAgo(days: number): Date {
  return new Date(Date.now() - days * DAY)
}

type Parsed = Awaited<ReturnType<typeof html>>

const inserted: number[] = []

/**
 * Inserts a story (a month old unless said otherwise, so fixtures never crowd the home page's
 * latest list, which other test files read) and removes it after this file's tests.
 */
async function insertStory(fixture: ArticleFixture) {
  const article = await insertArticle({ publishedAt: daysAgo(30), ...fixture })
  inserted.push(article.id)
  return article
}

afterAll(async () => {
  await testDb().delete(articles).where(inArray(articles.id, inserted))
})

function resultSlugs(page: Parsed): string[] {
  return page
    .querySelectorAll('.search-result__title a')
    .map((link) => (link.getAttribute('href') ?? '').replace('/news/', ''))
}

const HX = { headers: { 'HX-Request': 'true' } }

describe('GET /search', () => {
  it('finds published stories only, newer first when equally relevant, in one round trip', async () => {
    const word = uniqueWord()
    const text = { title: `Harbour report ${word}`, summary: 'Same words.', bodyMd: 'Same body.' }
    const older = await insertStory({ ...text, publishedAt: daysAgo(10) })
    const newer = await insertStory({ ...text, publishedAt: daysAgo(1) })
    const draft = await insertStory({ ...text, status: 'draft', publishedAt: daysAgo(0.1) })
    const scheduled = await insertStory({
      ...text,
      status: 'scheduled',
      publishedAt: new Date(Date.now() + DAY),
    })

    const db = meteredDb()
    const response = await db.request(`/search?q=${word}`)
    expect(response.status).toBe(200)
    expect(await db.roundTrips()).toBe(1)

    const page = await html(response)
    expect(resultSlugs(page)).toEqual([newer.slug, older.slug])
    expect(resultSlugs(page)).not.toContain(draft.slug)
    expect(resultSlugs(page)).not.toContain(scheduled.slug)
    expect(page.querySelector('.search-results__count')?.text).toMatch(/^2 results for “zq/)
    expect(page.querySelector('head meta[name="robots"]')?.getAttribute('content')).toBe(
      'noindex, follow',
    )
  })

  it('ranks a fresh story above a slightly more relevant old one', async () => {
    const word = uniqueWord()
    const old = await insertStory({
      title: 'Archive piece',
      bodyMd: `The ${word} and the ${word} again.`,
      publishedAt: daysAgo(400),
    })
    const fresh = await insertStory({
      title: 'Fresh piece',
      bodyMd: `The ${word} and the other one.`,
      publishedAt: daysAgo(0.5),
    })
    const page = await html(await request(`/search?q=${word}`))
    expect(resultSlugs(page)).toEqual([fresh.slug, old.slug])
  })

  it('ranks a title match above a newer body-only mention', async () => {
    const word = uniqueWord()
    const inTitle = await insertStory({ title: `The ${word} affair`, publishedAt: daysAgo(60) })
    const inBody = await insertStory({
      title: 'Unrelated headline',
      bodyMd: `Somewhere in the text, ${word} is mentioned.`,
      publishedAt: daysAgo(0.5),
    })
    const page = await html(await request(`/search?q=${word}`))
    expect(resultSlugs(page)).toEqual([inTitle.slug, inBody.slug])
  })

  it('puts the story titled exactly like the query first, above newer ones with its words', async () => {
    const word = uniqueWord()
    const title = `Harbour ${word} strike`
    // The slug an editor's save derives from the title.
    const exact = await insertStory({ title, slug: slugify(title), publishedAt: daysAgo(400) })
    const newer = await insertStory({
      title: `${title} spreads as talks fail`,
      bodyMd: `The harbour ${word} strike, and the ${word} strike again.`,
      publishedAt: daysAgo(0.5),
    })
    const page = await html(
      await request(`/search?q=${encodeURIComponent(`harbour ${word} STRIKE`)}`),
    )
    expect(resultSlugs(page)).toEqual([exact.slug, newer.slug])
  })

  it('shows the section, time, thumbnail and a snippet with the matched terms marked', async () => {
    const word = uniqueWord()
    await insertStory({
      title: `Markets and ${word}`,
      summary: 'A summary.',
      bodyMd: `Long before the close, traders said **${word}** had moved the market sharply.`,
    })
    const page = await html(await request(`/search?q=${word.toUpperCase()}`))
    const result = page.querySelector('#search-results .search-result')
    expect(result?.querySelector('.card__section')?.text).toBe('International News')
    expect(result?.querySelector('time[datetime]')).not.toBeNull()
    expect(result?.querySelector('img')?.getAttribute('src')).toBe('/images/placeholders/globe.svg')
    expect(result?.querySelector('.search-result__title mark')?.text).toBe(word)
    const snippet = result?.querySelector('.search-result__snippet')
    expect(snippet?.querySelector('mark')?.text).toBe(word)
    // Markdown emphasis is dropped from the snippet rather than shown as asterisks.
    expect(snippet?.text).toContain(`traders said ${word} had moved`)
  })

  it('renders script and event-handler payloads in titles and snippets as inert text', async () => {
    const word = uniqueWord()
    const payload = `<script>alert(1)</script> "onload=alert(1) x <img src=x onerror=alert(1)>`
    await insertStory({
      title: `${word} ${payload}`,
      summary: `${payload} ${word}`,
      bodyMd: `${word} ${payload} ${word} <svg onload=alert(1)>`,
    })
    for (const path of [`/search?q=${word}`, `/fragments/search?q=${word}`]) {
      const page = await html(await request(path))
      const results = page.querySelector('#search-results') ?? page
      expect(results.querySelectorAll('.search-result')).toHaveLength(1)
      expectInert(results, path)
      expect(results.querySelector('.search-result__title')?.text).toContain('<script>')
    }
  })

  it.each([
    '"',
    "'",
    '*',
    'NEAR(',
    'a OR',
    '(((',
    'title:x',
    '^x',
    '-x',
    'AND',
    '"unbalanced',
    'x NOT',
    '{title}: x',
    '😀',
    'مرحبا بالعالم',
    '%',
  ])('answers %j with 200, on the page and from the fragment', async (query) => {
    const q = encodeURIComponent(query)
    expect((await request(`/search?q=${q}`)).status).toBe(200)
    expect((await request(`/fragments/search?q=${q}`)).status).toBe(200)
  })

  it('says "no results" for a query with nothing searchable in it', async () => {
    const response = await request('/search?q=***')
    expect(response.status).toBe(200)
    const page = await html(response)
    expect(page.querySelector('.search-results__empty')?.text).toContain('No results for “***”')
  })

  it('prompts for words when the query is empty, fetching only the header and footer', async () => {
    const db = meteredDb()
    const response = await db.request('/search')
    expect(response.status).toBe(200)
    expect(await db.roundTrips()).toBe(1)
    const page = await html(response)
    expect(page.querySelector('.search-results__prompt')).not.toBeNull()
    expect(page.querySelectorAll('.search-result')).toHaveLength(0)
  })

  it('refuses a query over 200 characters with a clear 400', async () => {
    const q = 'a'.repeat(201)
    const response = await request(`/search?q=${q}`)
    expect(response.status).toBe(400)
    expect((await html(response)).querySelector('main')?.text).toContain('200 characters')

    const fragment = await request(`/fragments/search?q=${q}`, HX)
    expect(fragment.status).toBe(400)
    const parsed = await html(fragment)
    expect(parsed.querySelector('html')).toBeNull()
    expect(parsed.querySelector('[role="alert"]')?.text).toContain('200 characters')
    expect((await request(`/search?q=${'a'.repeat(200)}`)).status).toBe(200)
  })

  it('pages through results 10 at a time and 404s past the last page', async () => {
    const word = uniqueWord()
    for (let index = 0; index < 12; index++) {
      await insertStory({ title: `Page story ${index} ${word}`, publishedAt: daysAgo(index + 1) })
    }
    const first = await html(await request(`/search?q=${word}`))
    expect(first.querySelectorAll('.search-result')).toHaveLength(10)
    const nav = first.querySelector('#search-results nav[aria-label="Pagination"]')
    expect(nav?.querySelector('a[aria-current="page"]')?.text).toBe('1')
    expect(nav?.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(
      `/search?q=${word}&page=2`,
    )

    const second = await html(await request(`/search?q=${word}&page=2`))
    expect(second.querySelectorAll('.search-result')).toHaveLength(2)
    expect((await request(`/search?q=${word}&page=3`)).status).toBe(404)
    expect((await request(`/search?q=${word}&page=abc`)).status).toBe(404)
  })

  it('has a plain GET form that htmx upgrades to results as you type', async () => {
    const page = await html(await request('/search?q=harbour+news'))
    const form = page.querySelector('main form')
    expect(form?.getAttribute('action')).toBe('/search')
    expect(form?.getAttribute('method')).toBe('get')
    const input = form?.querySelector('input[name="q"]')
    expect(input?.getAttribute('value')).toBe('harbour news')
    expect(input?.getAttribute('data-hx-get')).toBe('/fragments/search')
    expect(input?.getAttribute('data-hx-trigger')).toBe('input changed delay:300ms, search')
    expect(input?.getAttribute('data-hx-target')).toBe('#search-results')
    expect(page.querySelector('#search-results')).not.toBeNull()
  })
})

describe('GET /fragments/search', () => {
  it('returns only the results list, in one round trip, and points the address bar at the page', async () => {
    const word = uniqueWord()
    const story = await insertStory({ title: `Fragment ${word}` })
    const db = meteredDb()
    const response = await db.request(`/fragments/search?q=${word}`, HX)
    expect(response.status).toBe(200)
    expect(await db.roundTrips()).toBe(1)
    expect(response.headers.get('hx-replace-url')).toBe(`/search?q=${word}`)

    const fragment = await html(response)
    for (const tag of ['html', 'head', 'body', 'header', 'footer']) {
      expect(fragment.querySelector(tag)).toBeNull()
    }
    expect(resultSlugs(fragment)).toEqual([story.slug])
  })

  it('finds a word while it is still being typed, though a submitted search wants whole words', async () => {
    const word = uniqueWord()
    const story = await insertStory({ title: `Typing ${word}` })
    const typed = word.slice(0, -2)
    const fragment = await html(await request(`/fragments/search?q=${typed}`))
    expect(resultSlugs(fragment)).toEqual([story.slug])
    // A trailing space means the word is finished.
    expect(resultSlugs(await html(await request(`/fragments/search?q=${typed}+`)))).toEqual([])
    expect(resultSlugs(await html(await request(`/search?q=${typed}`)))).toEqual([])
  })

  it('prompts without touching the database when the query is empty', async () => {
    const db = meteredDb()
    const response = await db.request('/fragments/search?q=')
    expect(response.status).toBe(200)
    expect(await db.roundTrips()).toBe(0)
    expect((await html(response)).querySelector('.search-results__prompt')).not.toBeNull()
  })
})
