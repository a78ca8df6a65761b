// An article page counts its reader's view when the reader leaves it, never during its own load.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countPendingViews, insertArticle } from './fixtures'
import { e2eStack, launchChromium, openPage, watchProblems } from './harness'

const stack = e2eStack()
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

describe('the view beacon', () => {
  it('counts the view once the reader leaves the article, and sends nothing while it loads', async () => {
    const article = await insertArticle()
    const page = await openPage(browser)
    const problems = watchProblems(page)
    const beacons: string[] = []
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/beacon/view/'))
        beacons.push(request.method())
    })

    await page.goto(`${stack.origin}/news/${article.slug}`, { waitUntil: 'networkidle' })
    expect(beacons).toEqual([])
    expect(await countPendingViews(article.id)).toBe(0)

    // Leaving for another site, so that only the article's own scripts make requests.
    await page.goto('about:blank')
    await expect.poll(() => countPendingViews(article.id), { timeout: 10_000 }).toBe(1)
    expect(problems).toEqual([])
  })
})
