// Issue 18's "done when", in Chromium: the reference byline, a seeded author's page that the Nu Html
// Checker and axe accept, and a newsroom correction that readers see at once and on /corrections.
import AxeBuilder from '@axe-core/playwright'
import { and, asc, eq, ne } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openClient } from '../../src/cli/migrate'
import { REFERENCE_SLUG } from '../../src/cli/seed/reference-article'
import { createDb } from '../../src/db/client'
import { articleAuthors, articles, authors } from '../../src/db/schema'
import { uniqueSuffix } from './fixtures'
import { e2eStack, launchChromium, openPage, signInAsAdmin } from './harness'
import { validateHtml } from './vnu'

const stack = e2eStack()
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

/** Seeded published stories with a linked author, oldest id first, read from the e2e database. */
async function listAuthoredStories() {
  const client = openClient(stack.dbUrl)
  try {
    return await createDb(client)
      .select({ id: articles.id, slug: articles.slug, author: authors.slug, name: authors.name })
      .from(articleAuthors)
      .innerJoin(articles, eq(articles.id, articleAuthors.articleId))
      .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
      .where(and(eq(articles.status, 'published'), ne(articles.slug, REFERENCE_SLUG)))
      .orderBy(asc(articles.id))
      .limit(5)
  } finally {
    client.close()
  }
}

async function visit(page: Page, path: string) {
  const response = await page.goto(`${stack.origin}${path}`, { waitUntil: 'networkidle' })
  if (!response) throw new Error(`no response for ${path}`)
  return response
}

describe('authors, static pages and corrections', () => {
  it('keeps the reference article byline exactly as it is', async () => {
    const page = await openPage(browser)
    await visit(page, `/news/${REFERENCE_SLUG}`)
    expect(await page.locator('.article__byline').textContent()).toBe('By Staff, Agencies')
    expect(await page.locator('.article__byline a').count()).toBe(0)
  })

  it("links a seeded author's byline to their page, which vnu and axe accept", async () => {
    const [story] = await listAuthoredStories()
    if (!story) throw new Error('the seed links no article to an author')
    const page = await openPage(browser)
    await visit(page, `/news/${story.slug}`)
    const link = page.locator('.article__byline a[rel="author"]')
    expect(await link.textContent()).toBe(story.name)
    await Promise.all([page.waitForURL(`${stack.origin}/author/${story.author}`), link.click()])
    expect(await page.locator('h1').textContent()).toBe(story.name)
    const cards = await page
      .locator('.card__title a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(cards).toContain(`/news/${story.slug}`)

    const served = await (await page.request.get(`${stack.origin}/author/${story.author}`)).text()
    const errors = await validateHtml([
      { name: 'author page (served)', html: served },
      { name: 'author page (after scripts)', html: await page.content() },
      { name: 'about page', html: await (await page.request.get(`${stack.origin}/about`)).text() },
      {
        name: 'corrections',
        html: await (await page.request.get(`${stack.origin}/corrections`)).text(),
      },
    ])
    expect(errors).toEqual([])

    const results = await new AxeBuilder({ page }).analyze()
    const blocking = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target).join(' ')}`)
    expect(blocking).toEqual([])
  })

  it('shows a newsroom correction on the cached article at once, and on /corrections', async () => {
    const [, story] = await listAuthoredStories()
    if (!story) throw new Error('the seed links too few articles to authors')
    const reader = await openPage(browser)
    // A reader's plain request: once the edge cache holds the page, only a purge can show the note.
    const edge = async () => (await fetch(`${stack.origin}/news/${story.slug}`)).headers
    await edge()
    await expect.poll(async () => (await edge()).get('x-cache')).toBe('HIT')

    const editor = await openPage(browser)
    await signInAsAdmin(editor)
    await visit(editor, `/editor/articles/${story.id}`)
    await Promise.all([
      editor.waitForURL(`${stack.origin}/editor/articles/${story.id}/corrections`),
      editor.click(`a[href="/editor/articles/${story.id}/corrections"]`),
    ])
    const note = `An earlier version misspelt a minister's name (${uniqueSuffix()}).`
    await editor.selectOption('select[name="placement"]', 'top')
    await editor.fill('textarea[name="text"]', note)
    await Promise.all([
      editor.waitForURL(/corrections\?notice=added$/),
      editor.click('form.editor-form button[type="submit"]'),
    ])

    await visit(reader, `/news/${story.slug}`)
    const shown = reader.locator('.corrections--top .correction__body')
    expect((await shown.textContent())?.trim()).toBe(note)
    expect(await reader.locator('.corrections--top time').getAttribute('datetime')).toBeTruthy()

    await visit(reader, '/corrections')
    const first = reader.locator('.correction-index__item').first()
    expect((await first.locator('.correction__body').textContent())?.trim()).toBe(note)
    expect(await first.locator('a').getAttribute('href')).toMatch(`/news/${story.slug}#correction-`)
  })
})
