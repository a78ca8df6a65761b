// axe-core, a judge nobody here wrote, on every main page: no serious or critical violation.
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AR_REFERENCE_SLUG } from '../../src/cli/seed/arabic-reference'
import { REFERENCE_SLUG } from '../../src/cli/seed/reference-article'
import { e2eStack, launchChromium, openPage, signInAsAdmin } from './harness'

const stack = e2eStack()
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

/** axe's findings that block a reader, as one line each, so a failure says what and where. */
async function listBlockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')}`,
      ),
    )
}

/** Reader pages, each in the state a reader sees it once the page's script has run. */
const READER_PAGES: { name: string; open: (page: Page) => Promise<void> }[] = [
  { name: 'home', open: (page) => visit(page, '/') },
  {
    name: 'article, with every comment and a reply form open',
    open: async (page) => {
      await visit(page, `/news/${REFERENCE_SLUG}`)
      await page.click('.comments__more a')
      await page.waitForSelector('.comments__more', { state: 'detached' })
      await page.click('.comment__reply')
      await page.waitForSelector('.comment__reply-slot form')
    },
  },
  {
    name: 'search, with results typed in',
    open: async (page) => {
      await visit(page, '/search')
      await page.locator('#search-q').pressSequentially('Macron', { delay: 20 })
      await page.waitForSelector('#search-results .search-result')
    },
  },
  { name: 'category', open: (page) => visit(page, '/category/international-news') },
  {
    name: 'favorites, with one saved',
    open: async (page) => {
      await visit(page, `/news/${REFERENCE_SLUG}`)
      await page.click('button[data-favorite]')
      await visit(page, '/favorites')
      await page.waitForSelector('#favorites-list .card')
    },
  },
  { name: 'editor login', open: (page) => visit(page, '/editor/login') },
]

async function visit(page: Page, path: string) {
  await page.goto(`${stack.origin}${path}`, { waitUntil: 'networkidle' })
}

describe('accessibility, judged by axe-core', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const { name, open } of READER_PAGES) {
      it(`finds no serious or critical violation on ${name} (${colorScheme})`, async () => {
        const page = await openPage(browser, { colorScheme })
        await open(page)
        expect(await listBlockingViolations(page)).toEqual([])
      })
    }
  }

  // The Arabic edition, right to left, at a phone's width and a desktop's (issue 20).
  for (const width of [375, 1280]) {
    for (const [name, path] of [
      ['Arabic home', '/ar/'],
      ['Arabic article', `/news/${AR_REFERENCE_SLUG}`],
    ] as const) {
      it(`finds no serious or critical violation on the ${name} at ${width} px`, async () => {
        const page = await openPage(browser, { viewport: { width, height: 900 } })
        await visit(page, path)
        expect(await listBlockingViolations(page)).toEqual([])
      })
    }
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds no serious or critical violation on the editor's article form (${colorScheme})`, async () => {
      const page = await openPage(browser, { colorScheme })
      await signInAsAdmin(page)
      await visit(page, '/editor/articles/new')
      await page.fill('textarea[name="body_md"]', '## A heading\n\nSome **bold** text.')
      await page.waitForSelector('#article-preview h2')
      expect(await listBlockingViolations(page)).toEqual([])
    })
  }
})
