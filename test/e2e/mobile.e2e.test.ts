// The article page on a phone: nothing scrolls sideways, tap targets are 24px or more, nothing shifts.
import type { Browser, Page, Route } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REFERENCE_SLUG } from '../../src/cli/seed/reference-article'
import { e2eStack, launchChromium, openPage } from './harness'

const stack = e2eStack()
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

interface Target {
  what: string
  width: number
  height: number
}

/**
 * Every visible control smaller than 24 by 24 CSS pixels (WCAG 2.2, 2.5.8). A link inside a
 * sentence is exempt, as the criterion says: its size is set by the line of text around it.
 */
function listSmallTargets(page: Page): Promise<Target[]> {
  return page.evaluate<Target[]>(`(() => {
    const controls = document.querySelectorAll(
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])'
    )
    const inSentence = (el) => {
      const block = el.parentElement && el.parentElement.closest('p')
      return getComputedStyle(el).display === 'inline' && block !== null &&
        block.textContent.trim().length > el.textContent.trim().length
    }
    return [...controls]
      .filter((el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
      .filter((el) => !el.closest('[aria-hidden="true"]') && !inSentence(el))
      .map((el) => {
        const box = el.getBoundingClientRect()
        const what = el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') +
          ' "' + el.textContent.trim().slice(0, 40) + '"'
        return { what, width: box.width, height: box.height }
      })
      .filter((t) => t.width < 24 || t.height < 24)
  })()`)
}

async function measureOverflow(page: Page) {
  return page.evaluate<{ scrollWidth: number; clientWidth: number }>(
    '({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })',
  )
}

describe('the article page on a phone', () => {
  it('never scrolls sideways at 375px, and its tap targets are at least 24px', async () => {
    const page = await openPage(browser, {
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    })
    await page.goto(`${stack.origin}/news/${REFERENCE_SLUG}`, { waitUntil: 'networkidle' })
    // Every comment page and the reply form too, so all of the page's controls are on it.
    await page.tap('.comments__more a')
    await page.waitForSelector('.comments__more', { state: 'detached' })
    await page.tap('.comment__reply')
    await page.waitForSelector('.comment__reply-slot form')

    const { scrollWidth, clientWidth } = await measureOverflow(page)
    expect(clientWidth).toBe(375)
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth)
    expect(await listSmallTargets(page)).toEqual([])

    // The header's search form, once opened, must fit and be tappable too.
    await page.tap('.site-search summary')
    await page.waitForSelector('#site-search-q', { state: 'visible' })
    expect((await measureOverflow(page)).scrollWidth).toBeLessThanOrEqual(clientWidth)
    expect(await listSmallTargets(page)).toEqual([])
  })
})

/** Waits until the page has drawn a frame, so what changes next is a change on screen. */
function waitForFrame(page: Page) {
  return page.evaluate(
    'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))',
  )
}

/** The page's layout-shift score so far (shifts right after input do not count, as in CLS). */
function sumLayoutShifts(page: Page) {
  return page.evaluate<number>(`new Promise((done) => {
    let sum = 0
    new PerformanceObserver((list) => {
      for (const shift of list.getEntries()) if (!shift.hadRecentInput) sum += shift.value
    }).observe({ type: 'layout-shift', buffered: true })
    setTimeout(() => done(sum))
  })`)
}

/** Holds back requests for a file until release() is called. */
function holdBack(page: Page, file: RegExp) {
  let release = () => {}
  const released = new Promise<void>((done) => {
    release = done
  })
  const held = page.route(file, async (route: Route) => {
    await released
    await route.continue()
  })
  return { held, release }
}

describe('the article page while its script loads', () => {
  it('does not shift when the script shows the favourite button and words the dates', async () => {
    for (const viewport of [
      { width: 412, height: 823 },
      { width: 1280, height: 800 },
    ]) {
      const page = await openPage(browser, { viewport })
      // On a slow phone the page is drawn before site.js runs, and again before the worker words
      // the dates ("6 hours ago"): each is held back until a frame is on screen, to be as slow.
      // site.js comes in the page script, after htmx (src/cli/copy-vendor.ts).
      const script = holdBack(page, /\/vendor\/page-[0-9a-f]+\.js$/)
      const worker = holdBack(page, /\/js\/relative-time-worker\.js$/)
      await Promise.all([script.held, worker.held])
      await page.goto(`${stack.origin}/news/${REFERENCE_SLUG}`, { waitUntil: 'commit' })
      await page.waitForSelector('.article__meta')
      await waitForFrame(page)
      script.release()
      await page.waitForSelector('button[data-favorite]:not([hidden])')
      await waitForFrame(page)
      worker.release()
      await page.waitForSelector('.article__meta time[title]')
      await waitForFrame(page)
      expect(await sumLayoutShifts(page), `at ${viewport.width}px`).toBeLessThan(0.01)
    }
  })
})

/** What /fragments/breaking answers while an alert runs (views/live/breaking-banner.tsx). */
const ALERT_FRAGMENT =
  '<div id="breaking" class="breaking"><p class="breaking__inner">' +
  '<strong class="breaking__label">Breaking</strong> ' +
  '<a href="/news/quake" class="breaking__link">Quake hits the coast</a></p></div>'

describe('the breaking alert on a cached page', () => {
  it('is left alone when the fragment says what the page says, so nothing is laid out again', async () => {
    const page = await openPage(browser, { viewport: { width: 375, height: 812 } })
    const fragment = holdBack(page, /\/fragments\/breaking$/)
    await fragment.held
    const answered = page.waitForResponse(/\/fragments\/breaking$/)
    await page.goto(`${stack.origin}/news/${REFERENCE_SLUG}`, { waitUntil: 'commit' })
    await page.waitForSelector('#breaking[hidden]', { state: 'attached' })
    await page.evaluate('window.slotAtLoad = document.getElementById("breaking")')
    fragment.release()
    expect((await answered).status()).toBe(200)
    await page.waitForLoadState('networkidle')
    await waitForFrame(page)
    expect(await page.evaluate('document.getElementById("breaking") === window.slotAtLoad')).toBe(
      true,
    )
  })

  it('shows an alert set after the page was cached', async () => {
    const page = await openPage(browser, { viewport: { width: 375, height: 812 } })
    await page.route(/\/fragments\/breaking$/, (route: Route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: ALERT_FRAGMENT }),
    )
    await page.goto(`${stack.origin}/news/${REFERENCE_SLUG}`)
    const link = page.locator('#breaking a')
    await link.waitFor({ state: 'visible' })
    expect(await link.textContent()).toBe('Quake hits the coast')
    expect(await link.getAttribute('href')).toBe('/news/quake')
  })
})
