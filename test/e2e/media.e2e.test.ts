// An editor drops a photo into the article form and publishes; a reader gets it responsive, in
// AVIF or WebP, within the page-weight budget (issue 17's "Done when").
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makePhoto } from '../../src/cli/seed/photos'
import { PAGE_SCRIPT_URL } from '../../src/views/assets'
import { uniqueSuffix } from './fixtures'
import { e2eStack, launchChromium, openPage, signInAsAdmin, watchProblems } from './harness'

const stack = e2eStack()
let browser: Browser

/** Issue 17's budgets: everything the article page transfers, its hero image included. */
const BUDGET = { 375: 100 * 1024, 1280: 200 * 1024 }

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

/** Drops a file on the element as a browser does when one is dragged from the desktop. */
async function dropFile(page: Page, selector: string, bytes: Buffer, name: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      // The tests compile without the DOM's types; this runs in the page, where DataTransfer exists.
      const { DataTransfer } = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: File): void } }
      }
      const transfer = new DataTransfer()
      transfer.items.add(new File([data], name, { type: 'image/jpeg' }))
      return transfer
    },
    { base64: bytes.toString('base64'), name },
  )
  await page.dispatchEvent(selector, 'dragover', { dataTransfer })
  await page.dispatchEvent(selector, 'drop', { dataTransfer })
}

/**
 * What a fresh reader's page load transfers, measured by Chromium itself: every request, the
 * worker's too (a page's CDP session misses those), with its type and its bytes on the wire.
 */
async function loadAsReader(path: string, width: number) {
  const page = await openPage(browser, { viewport: { width, height: 800 } })
  const finished: Promise<{ url: string; type: string; mime: string; bytes: number }>[] = []
  page.on('requestfinished', (request) => {
    finished.push(
      Promise.all([request.sizes(), request.response()]).then(([sizes, response]) => ({
        url: request.url(),
        type: request.resourceType(),
        mime: response?.headers()['content-type'] ?? '',
        bytes: sizes.responseHeadersSize + sizes.responseBodySize,
      })),
    )
  })
  await page.goto(`${stack.origin}${path}`, { waitUntil: 'networkidle' })
  const requests = await Promise.all(finished)
  const images = requests
    .filter((request) => request.type === 'image' && request.mime !== 'image/svg+xml')
    .map((request) => request.mime)
  // Lazy images below the first screen are outside the request budget, which counts the hero
  // only; Chromium still fetches those within its lazy-load distance (1,250 px past the viewport).
  const lazy = new Set(
    await page.$$eval('img[loading="lazy"]', (list) =>
      list.map((img) => (img as unknown as { currentSrc: string }).currentSrc),
    ),
  )
  const firstScreen = requests
    .filter((request) => !lazy.has(request.url))
    .map((request) => `${request.type} ${new URL(request.url).pathname}`)
  const bytes = requests.reduce((sum, request) => sum + request.bytes, 0)
  return { page, bytes, requests: requests.length, firstScreen, images }
}

describe('a photo from the editor to the reader', () => {
  it('is dropped into the article form, described, published, and served responsive and small', async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 1000 } })
    const problems = watchProblems(page)
    await signInAsAdmin(page)
    const title = `Ferries run again ${uniqueSuffix()}`

    await page.goto(`${stack.origin}/editor/articles/new`)
    await page.fill('input[name="title"]', title)
    await page.fill('textarea[name="summary"]', 'The crossing reopened this morning.')
    await page.selectOption('select[name="category"]', 'science')
    await page.fill('input[name="byline"]', 'By Harbour Desk')
    await page.fill('textarea[name="body_md"]', 'The first boat left at dawn.')

    // A photo no test has uploaded before, so it is stored, not found as a duplicate.
    const photo = await makePhoto(Math.floor(Math.random() * 1e9))
    await dropFile(page, '.media-drop--hero', photo, 'ferry.jpg')
    await expect
      .poll(() => page.inputValue('input[name="image_url"]'))
      .toMatch(/^\/media\/[0-9a-f]{32}$/)
    // The progress bar showed the upload and stands full once it is done.
    const bar = await page.$eval('.media-drop--hero progress', (element) => {
      const p = element as unknown as { hidden: boolean; value: number; max: number }
      return { hidden: p.hidden, value: p.value, max: p.max }
    })
    expect(bar.hidden).toBe(false)
    expect(bar.max).toBeGreaterThan(photo.length)
    expect(bar.value).toBe(bar.max)
    expect(await page.inputValue('input[name="image_width"]')).toBe('1600')
    expect(await page.inputValue('input[name="image_height"]')).toBe('900')

    // The thumbnail the upload answered with has loaded (and nothing is left in flight).
    await page.waitForFunction(() => {
      const { document } = globalThis as unknown as {
        document: { querySelector(s: string): { complete: boolean } | null }
      }
      return document.querySelector('.hero-upload-result img')?.complete === true
    })
    await page.fill('input[name="image_alt"]', 'A ferry leaving the harbour at dawn')
    await page.click('button[name="intent"][value="publish"]')
    await expect
      .poll(() => page.textContent('.article-form__status .status-badge'))
      .toBe('Published')
    const slug = await page.inputValue('input[name="slug"]')
    expect(problems).toEqual([])

    for (const width of [375, 1280] as const) {
      const reader = await loadAsReader(`/news/${slug}`, width)
      const hero = reader.page.locator('.article__figure img')
      expect(await hero.getAttribute('srcset')).toMatch(/\/media\/[0-9a-f]{32}\/320\.jpg 320w/)
      expect(await hero.getAttribute('fetchpriority')).toBe('high')
      expect(await hero.evaluate((img) => (img as unknown as { complete: boolean }).complete)).toBe(
        true,
      )
      // Chromium asks for AVIF and WebP, so neither load is a JPEG.
      expect(reader.images.length).toBeGreaterThan(0)
      for (const type of reader.images) expect(['image/avif', 'image/webp']).toContain(type)
      console.log(
        `${width} px: ${reader.bytes} bytes in ${reader.requests} requests, ${reader.firstScreen.length} without lazy images`,
      )
      expect(reader.bytes).toBeLessThanOrEqual(BUDGET[width])
      // Issue 17's budget of six requests: the page, its CSS, the page script (htmx and site.js in
      // one file), the script of the worker that words relative times (a long task on a phone
      // otherwise), the breaking-alert fragment and the hero. Seven before htmx and site.js were
      // one file.
      const heroUrl = new URL(
        await hero.evaluate((img) => (img as { currentSrc: string }).currentSrc),
      )
      const list = reader.firstScreen.join('\n')
      expect(reader.firstScreen.length, list).toBeLessThanOrEqual(6)
      expect([...reader.firstScreen].sort(), list).toEqual(
        [
          `document /news/${slug}`,
          'fetch /fragments/breaking',
          `image ${heroUrl.pathname}`,
          'script /js/relative-time-worker.js',
          `script ${PAGE_SCRIPT_URL}`,
          'stylesheet /css/site.css',
        ].sort(),
      )
    }
  })

  it('is picked from the library into the body at the cursor, with focus back in the text', async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } })
    const problems = watchProblems(page)
    await signInAsAdmin(page)
    await page.goto(`${stack.origin}/editor/articles/new`)
    await page.fill('textarea[name="body_md"]', 'First paragraph.\n\nLast paragraph.')
    // The cursor after the first paragraph: the image goes there, not at the end.
    await page.$eval('#article-body', (element) => {
      const area = element as unknown as { setSelectionRange(a: number, b: number): void }
      area.setSelectionRange(16, 16)
    })
    await page.click('a[data-media-picker]')
    await page.waitForSelector('dialog[open] button[data-insert]')
    await page.screenshot({ path: '/tmp/media-picker.png' })
    const markdown = await page.getAttribute('dialog[open] button[data-insert]', 'data-insert')
    expect(markdown).toMatch(/^!\[[^\]]*\]\(\/media\/[0-9a-f]{32}\)$/)
    await page.click('dialog[open] button[data-insert]')
    const body = await page.inputValue('#article-body')
    expect(body.startsWith(`First paragraph.\n\n${markdown}`)).toBe(true)
    expect(body.endsWith('\n\nLast paragraph.')).toBe(true)
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { id: string } } }).document
            .activeElement.id,
      ),
    ).toBe('article-body')
    expect(problems).toEqual([])
  })
})
