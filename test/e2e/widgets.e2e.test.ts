// Widgets in a real browser: a partner page on another origin embeds every mode, with no CSP or CORS error.

import htmxPackage from 'htmx.org/package.json'
import type { Browser, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openClient } from '../../src/cli/migrate'
import { REFERENCE_ARTICLE, REFERENCE_SLUG } from '../../src/cli/seed/reference-article'
import { createDb } from '../../src/db/client'
import { loadEmbedLatest } from '../../src/db/queries/embed'
import { e2eStack, launchChromium, openPage, serveHostPage, watchProblems } from './harness'

// The stack is shared by every flow: their fixtures go elsewhere, so this list is the seed's.
const CATEGORY = 'international-news'

const stack = e2eStack()
let browser: Browser
let latestTitles: string[]

/** A partner's page, as a partner would write it: the snippets from embed-demo.html, and a strict CSP. */
function partnerPage(bulletin: string, oembedHtml: string) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>The Partner Post</title>
  <meta name="htmx-config" content='{"mode":"cors","includeIndicatorCSS":false}'>
  <script src="${bulletin}/vendor/htmx-${htmxPackage.version}.min.js" defer></script>
  <script src="${bulletin}/widget.js" async></script>
</head>
<body>
  <h1>The Partner Post</h1>
  <section id="oembed">${oembedHtml}</section>
  <div id="frame-article" data-bulletin="article" data-slug="${REFERENCE_SLUG}">
    <a href="${bulletin}/news/${REFERENCE_SLUG}">Read the story on Bulletin</a>
  </div>
  <div id="frame-latest" data-bulletin="latest" data-category="${CATEGORY}" data-limit="3"
    data-theme="dark"></div>
  <div id="inline-article" data-bulletin="article" data-slug="${REFERENCE_SLUG}" data-mode="inline"></div>
  <div id="htmx-latest" hx-get="${bulletin}/fragments/embed/latest?category=${CATEGORY}&limit=3"
    hx-trigger="load"></div>
</body>
</html>`
}

function partnerCsp(bulletin: string) {
  return [
    "default-src 'self'",
    `script-src 'self' ${bulletin}`,
    `style-src 'self' ${bulletin}`,
    `img-src 'self' ${bulletin} data:`,
    `connect-src 'self' ${bulletin}`,
    `frame-src ${bulletin}`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ')
}

async function frameOf(page: Page, selector: string): Promise<Frame> {
  const handle = await page.waitForSelector(`${selector} iframe`)
  const frame = await handle.contentFrame()
  if (!frame) throw new Error(`${selector} has no frame`)
  await frame.waitForSelector('.bulletin-embed')
  return frame
}

/** The height of the iframe's box on the host page, and of the document inside it. */
async function heights(page: Page, selector: string, frame: Frame) {
  const outer = await page.$eval(`${selector} iframe`, (iframe) => iframe.clientHeight)
  // In-page code is passed as text: the project's types describe workerd and Node, not the DOM.
  const inner = await frame.evaluate<number>(
    'document.documentElement.getBoundingClientRect().height',
  )
  return { outer, inner: Math.ceil(inner) }
}

async function expectSizedToContent(page: Page, selector: string, frame: Frame) {
  await expect
    .poll(
      async () => {
        const { outer, inner } = await heights(page, selector, frame)
        return Math.abs(outer - inner)
      },
      { timeout: 10_000 },
    )
    .toBeLessThanOrEqual(1)
  return heights(page, selector, frame)
}

beforeAll(async () => {
  browser = await launchChromium()
  const client = openClient(stack.dbUrl)
  try {
    const latest = await loadEmbedLatest(createDb(client), {
      category: CATEGORY,
      limit: 3,
      language: 'en',
    })
    latestTitles = latest.kind === 'found' ? latest.items.map((story) => story.title) : []
  } finally {
    client.close()
  }
})

afterAll(async () => {
  await browser?.close()
})

describe('widgets on a partner site', () => {
  it('renders every mode from another origin, sized to fit, with no CSP or CORS error', async () => {
    const bulletin = stack.origin
    const articleUrl = `${bulletin}/news/${REFERENCE_SLUG}`
    const oembed = await fetch(
      `${bulletin}/oembed?url=${encodeURIComponent(articleUrl)}&format=json`,
    )
    expect(oembed.status).toBe(200)
    const { html } = (await oembed.json()) as { html: string }
    const host = await serveHostPage(partnerPage(bulletin, html), partnerCsp(bulletin))
    const page = await openPage(browser, { viewport: { width: 1000, height: 2400 } })
    const problems = watchProblems(page)
    try {
      await page.goto(host.origin)
      const title = REFERENCE_ARTICLE.title
      expect(latestTitles).toHaveLength(3)

      // 1. The oEmbed iframe, pasted as it came; the loader on the page sizes it too.
      const oembedFrame = await frameOf(page, '#oembed')
      expect(await oembedFrame.textContent('.bulletin-card__link')).toBe(title)
      await expectSizedToContent(page, '#oembed', oembedFrame)

      // 2. The loader's iframes: a card and a dark "latest" list.
      const card = await frameOf(page, '#frame-article')
      expect(await card.textContent('.bulletin-card__link')).toBe(title)
      const cardSize = await expectSizedToContent(page, '#frame-article', card)
      const list = await frameOf(page, '#frame-latest')
      expect(
        await list.$$eval('.bulletin-list__link', (links) => links.map((a) => a.textContent)),
      ).toEqual(latestTitles)
      expect(await list.$eval('.bulletin-embed', (root) => root.className)).toContain(
        'bulletin-theme-dark',
      )
      await expectSizedToContent(page, '#frame-latest', list)

      // 3. The loader's inline mode: a fragment in the host page, styled by embed.css.
      await page.waitForSelector('#inline-article .bulletin-card__link')
      expect(await page.textContent('#inline-article .bulletin-card__link')).toBe(title)
      const radius = await page.evaluate<string>(
        "getComputedStyle(document.querySelector('#inline-article .bulletin-embed')).borderTopLeftRadius",
      )
      expect(radius).toBe('10px')

      // 4. htmx on the host page, fetching the fragment across origins.
      await page.waitForSelector('#htmx-latest .bulletin-list__link')
      expect(
        await page.$$eval('#htmx-latest .bulletin-list__link', (links) =>
          links.map((a) => a.textContent),
        ),
      ).toEqual(latestTitles)

      // Heights from anyone but Bulletin, or out of bounds, change nothing.
      await page.evaluate("window.postMessage({ type: 'bulletin:height', height: 900 }, '*')")
      for (const height of ['100000', '3', "'700'", 'NaN']) {
        await card.evaluate(
          `parent.postMessage({ type: 'bulletin:height', height: ${height} }, '*')`,
        )
      }
      await page.waitForTimeout(300)
      expect(await page.$eval('#frame-article iframe', (iframe) => iframe.clientHeight)).toBe(
        cardSize.outer,
      )

      const shots = process.env.BULLETIN_E2E_SCREENSHOTS
      if (shots) await page.screenshot({ path: `${shots}/partner-page.png`, fullPage: true })
      expect(problems).toEqual([])
    } finally {
      await host.close()
    }
  })

  it('shows every mode on the demo page, which works against the running service', async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } })
    const problems = watchProblems(page)
    await page.goto(`${stack.origin}/embed-demo.html`)
    for (const selector of ['#demo-card', '#demo-latest', '#demo-plain', '#demo-dark']) {
      const frame = await frameOf(page, selector)
      await expectSizedToContent(page, selector, frame)
    }
    await page.waitForSelector('#demo-inline .bulletin-card__link')
    await page.waitForSelector('#demo-fetch .bulletin-list__link')
    await page.waitForFunction(
      'document.querySelector(\'#demo-oembed-json\').textContent.includes(\'"type": "rich"\')',
    )
    // Snippets name this very service, ready to paste.
    expect(await page.textContent('#snippet-loader')).toContain(`${stack.origin}/widget.js`)
    const shots = process.env.BULLETIN_E2E_SCREENSHOTS
    if (shots) await page.screenshot({ path: `${shots}/embed-demo.png`, fullPage: true })
    expect(problems).toEqual([])
  })
})
