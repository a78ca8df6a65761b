// A reader with JavaScript off: every page still reads, searches and takes comments, by plain HTML.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REFERENCE_SLUG } from '../../src/cli/seed/reference-article'
import { insertArticle, uniqueSuffix } from './fixtures'
import { e2eStack, launchChromium, openPage } from './harness'

const stack = e2eStack()
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

describe('a reader without JavaScript', () => {
  it('reads an article, searches, and posts a comment that arrives by redirect with a notice', async () => {
    const word = `Nojsword${uniqueSuffix()}`
    const article = await insertArticle(`${word} story for readers without scripts`)
    const page = await openPage(browser, { javaScriptEnabled: false })

    // An article: the server's absolute dates, no favorites button (it needs the script).
    await page.goto(`${stack.origin}/news/${article.slug}`)
    expect(await page.textContent('h1')).toBe(article.title)
    expect(await page.textContent('.article__meta time')).toMatch(
      /^\d{1,2} \w{3} \d{4}, \d\d:\d\d$/,
    )
    expect(await page.isVisible('button[data-favorite]')).toBe(false)

    // Search from the header: <details> opens without script, and the form is a plain GET.
    await page.click('.site-search summary')
    await page.fill('#site-search-q', word)
    await page.click('.site-search__form button[type="submit"]')
    await page.waitForURL(/\/search\?q=/)
    expect(
      await page.$$eval('#search-results .search-result__title a', (links) =>
        links.map((a) => a.getAttribute('href')),
      ),
    ).toEqual([`/news/${article.slug}`])

    // A comment: a real form post, answered by a redirect back to the article with a notice.
    await page.click('#search-results .search-result__title a')
    const body = `Posted without JavaScript, ${uniqueSuffix()}.`
    await page.fill('#comment-form-author', 'Plain Reader')
    await page.fill('#comment-form-body', body)
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.click('#comment-form button[type="submit"]'),
    ])
    expect(response.status()).toBe(303)
    await page.waitForURL(/\?comment=(approved|pending)#comments$/)
    expect(new URL(page.url()).pathname).toBe(`/news/${article.slug}`)
    expect(await page.textContent('#comment-form [role="status"]')).toMatch(
      /^Thank you\. Your comment (is published|will appear once a moderator has approved it)\.$/,
    )

    // A field left empty comes back as a page with the message by the field and the text kept.
    await page.fill('#comment-form-body', 'Kept, although the name is missing.')
    await page.click('#comment-form button[type="submit"]')
    await page.waitForSelector('#comment-form-authorName-error')
    expect(await page.getAttribute('#comment-form-author', 'aria-invalid')).toBe('true')
    expect(await page.inputValue('#comment-form-body')).toBe('Kept, although the name is missing.')

    // "Load more comments" is a link to the next page of comments.
    await page.goto(`${stack.origin}/news/${REFERENCE_SLUG}`)
    await page.click('.comments__more a')
    await page.waitForURL(`**/news/${REFERENCE_SLUG}/comments?cursor=*`)
    expect(await page.locator('#comments-list > li.comment').count()).toBeGreaterThan(0)
  })
})
