// The article page on a 375px phone: nothing scrolls sideways, and every tap target is 24px or more.
import type { Browser, Page } from 'playwright-core'
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
