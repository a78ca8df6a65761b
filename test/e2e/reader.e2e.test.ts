// A reader in Chromium: home, the reference article, favorites, comments, live search and the footer.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REFERENCE_ARTICLE, REFERENCE_SLUG } from '../../src/cli/seed/reference-article'
import { approveCommentByBody, findCommentStatus, uniqueSuffix } from './fixtures'
import { e2eStack, launchChromium, openPage, watchProblems } from './harness'

const stack = e2eStack()
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

/** Marks the current document, so a later check can tell a swap from a page load. */
async function markDocument(page: Page) {
  await page.evaluate('window.e2eSameDocument = true')
}

async function isSameDocument(page: Page) {
  return page.evaluate<boolean>('window.e2eSameDocument === true')
}

async function postComment(page: Page, name: string, body: string) {
  await page.fill('#comment-form-author', name)
  await page.fill('#comment-form-body', body)
  await page.click('#comment-form button[type="submit"]')
}

describe('a reader', () => {
  it('reads, saves, comments on and searches the news, all in one visit', async () => {
    // Someone far from Beirut: the footer must still speak the site's own time zone.
    const page = await openPage(browser, {
      viewport: { width: 1280, height: 900 },
      timezoneId: 'America/New_York',
      locale: 'en-US',
    })
    const problems = watchProblems(page)

    // Home, then the reference article through its link.
    await page.goto(`${stack.origin}/`)
    await page.click(`main a[href="/news/${REFERENCE_SLUG}"]`)
    await page.waitForURL(`**/news/${REFERENCE_SLUG}`)
    expect(await page.textContent('h1')).toBe(REFERENCE_ARTICLE.title)

    // Relative times: the script rewrites the server's absolute dates, which move to the title.
    const published = page.locator('.article__meta time[data-relative]').first()
    await expect.poll(() => published.textContent()).toMatch(/^\d+ (minute|hour|day)s? ago$/)
    expect(await published.getAttribute('title')).toMatch(/\d{4}, \d\d:\d\d$/)
    const times = await page.$$eval('time[data-relative]', (all) => all.map((t) => t.textContent))
    expect(times.length).toBeGreaterThan(5)
    for (const text of times) expect(text).toMatch(/ ago$|^yesterday$|^last (week|month|year)$/)

    // Favorite it: the state and the header count survive a reload, and /favorites lists it.
    const favorite = page.locator('button[data-favorite]')
    await favorite.click()
    expect(await favorite.getAttribute('aria-pressed')).toBe('true')
    expect(await page.textContent('[data-favorites-count]')).toBe('1 saved')
    await page.reload()
    expect(await favorite.getAttribute('aria-pressed')).toBe('true')
    expect(await favorite.textContent()).toContain('Saved to favorites')
    expect(await page.textContent('[data-favorites-count]')).toBe('1 saved')
    await page.click('a.favorites-link')
    await page.waitForSelector('#favorites-list .card')
    expect(
      await page.$$eval('#favorites-list .card__title a', (links) =>
        links.map((a) => a.getAttribute('href')),
      ),
    ).toEqual([`/news/${REFERENCE_SLUG}`])
    await page.goBack()
    await page.waitForSelector('#comment-form')

    // "Load more" comments: the next page replaces the button, in the same document.
    await markDocument(page)
    const firstPage = await page.locator('#comments-list > li.comment').count()
    await page.click('.comments__more a')
    await expect
      .poll(() => page.locator('#comments-list > li.comment').count())
      .toBeGreaterThan(firstPage)
    expect(await page.locator('.comments__more').count()).toBe(0)

    // A comment, posted in place. Moderation is "first-time": a first comment from this reader's
    // address is held (other flows may have posted from it already), and the reader is told which.
    const articleId = Number(await page.getAttribute('article[data-article-id]', 'data-article-id'))
    const first = `My first comment here, ${uniqueSuffix()}.`
    await postComment(page, 'Returning Reader', first)
    const notice = page.locator('#comment-form [role="status"]')
    await notice.waitFor()
    const firstStatus = await findCommentStatus(articleId, first)
    expect(await notice.textContent()).toContain(
      firstStatus === 'pending' ? 'once a moderator has approved it' : 'is published',
    )
    // A moderator approves whatever was held, so this reader's next comment is published at once
    // and appears in the list without a reload.
    if (firstStatus === 'pending') expect(await approveCommentByBody(articleId, first)).toBe(1)
    const second = `Published at once, ${uniqueSuffix()}.`
    await postComment(page, 'Returning Reader', second)
    const added = page.locator('#comments-list > li.comment', { hasText: second })
    await added.waitFor()
    expect(await added.locator('.comment__author').textContent()).toBe('Returning Reader')
    expect(await findCommentStatus(articleId, second)).toBe('approved')
    expect(await notice.textContent()).toContain('is published')
    expect(await page.inputValue('#comment-form-body')).toBe('')
    expect(await isSameDocument(page)).toBe(true)

    // Live search: results while typing, in place; Enter then loads the results page.
    await page.goto(`${stack.origin}/search`)
    await markDocument(page)
    await page.locator('#search-q').pressSequentially('Macron', { delay: 40 })
    await page.waitForSelector('#search-results .search-result')
    expect(await page.textContent('#search-results [role="status"]')).toMatch(
      /results? for “Macron”/,
    )
    expect(await isSameDocument(page)).toBe(true)
    await page.press('#search-q', 'Enter')
    await page.waitForFunction('window.e2eSameDocument !== true')
    await page.waitForSelector('#search-results .search-result')
    expect(new URL(page.url()).searchParams.get('q')).toBe('Macron')
    expect(await page.title()).toContain('Search: Macron')

    // The footer's "Last update" is in Beirut time, whatever the reader's own zone.
    const stamp = page.locator('.site-footer__update time')
    const when = new Date((await stamp.getAttribute('datetime')) as string)
    const beirut = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Beirut',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(when)
        .map((part) => [part.type, part.value]),
    )
    const expected = `${beirut.day}-${beirut.month}-${beirut.year} Hour: ${beirut.hour}:${beirut.minute}`
    expect(await page.textContent('.site-footer__update')).toBe(
      `Last update: ${expected} Beirut Timing`,
    )

    expect(problems).toEqual([])
  })
})
