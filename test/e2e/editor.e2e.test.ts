// An editor in Chromium: sign in, write with the preview, schedule, publish, moderate, sign out.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertArticle, insertPendingComment, uniqueSuffix } from './fixtures'
import { e2eStack, launchChromium, openPage, watchProblems } from './harness'

const stack = e2eStack()
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

/** A reader's request: no cookies, no browser cache, just what the edge answers. */
async function readAsVisitor(path: string) {
  const response = await fetch(`${stack.origin}${path}`)
  return { xCache: response.headers.get('x-cache'), html: await response.text() }
}

/** "YYYY-MM-DDTHH:mm" two days ahead: in the future in any time zone, Beirut's included. */
function inTwoDays(): string {
  return new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16)
}

describe('an editor', () => {
  it('writes, schedules and publishes a story, approves a comment and signs out', async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 1000 } })
    const problems = watchProblems(page)
    const title = `Harbour reopens after repairs ${uniqueSuffix()}`

    // Sign in through the form.
    await page.goto(`${stack.origin}/editor`)
    await page.waitForURL(/\/editor\/login/)
    await page.fill('input[name="email"]', stack.admin.email)
    await page.fill('input[name="password"]', stack.admin.password)
    await page.click('form button[type="submit"]')
    await page.waitForURL(`${stack.origin}/editor`)

    // Write, watching the Markdown preview render as the body is typed.
    await page.goto(`${stack.origin}/editor/articles/new`)
    await page.fill('input[name="title"]', title)
    await page.fill('textarea[name="summary"]', 'The port is open to ships again.')
    await page.selectOption('select[name="category"]', 'science')
    await page.fill('input[name="byline"]', 'By Harbour Desk')
    await page.fill('textarea[name="body_md"]', '## Back in service\n\nShips **dock** again today.')
    await page.waitForSelector('#article-preview h2')
    expect(await page.textContent('#article-preview h2:not(.article-preview__title)')).toBe(
      'Back in service',
    )
    expect(await page.textContent('#article-preview strong')).toBe('dock')

    // Schedule it for later: saved, scheduled, and not on the site yet.
    await page.fill('input[name="publish_at"]', inTwoDays())
    await page.click('button[name="intent"][value="schedule"]')
    await page.waitForURL(/\/editor\/articles\/\d+\?notice=schedule/)
    expect(await page.textContent('.article-form__status .status-badge')).toBe('Scheduled')
    const slug = await page.inputValue('input[name="slug"]')
    expect((await readAsVisitor('/')).html).not.toContain(title)

    // Publish it now.
    await page.click('button[name="intent"][value="publish"]')
    await expect
      .poll(() => page.textContent('.article-form__status .status-badge'))
      .toBe('Published')

    // The front page shows it: rendered once (MISS), then served from the edge cache (HIT).
    const first = await readAsVisitor('/')
    expect(first.xCache).toBe('MISS')
    expect(first.html).toContain(title)
    await expect.poll(async () => (await readAsVisitor('/')).xCache).toBe('HIT')
    expect((await readAsVisitor('/')).html).toContain(title)
    expect((await readAsVisitor(`/news/${slug}`)).html).toContain(title)

    // Approve a reader's comment from the moderation queue.
    const story = await insertArticle()
    const body = `Please cover the harbour too, ${uniqueSuffix()}.`
    const comment = await insertPendingComment(story.id, body)
    await page.goto(`${stack.origin}/editor/comments`)
    await page.click(`button[name="single"][value="${comment.id}:approve"]`)
    await page.waitForSelector(`#comment-${comment.id}`, { state: 'detached' })
    expect((await readAsVisitor(`/news/${story.slug}`)).html).toContain(body)

    // Sign out: the newsroom sends you to the login form again.
    await page.click('.editor-header__user button[type="submit"]')
    await page.waitForURL(/\/editor\/login\?signed_out=1/)
    await page.goto(`${stack.origin}/editor`)
    await page.waitForURL(/\/editor\/login/)
    expect(await page.isVisible('input[name="password"]')).toBe(true)

    // Moving on before the browser fetched the favicon cancels it; that is no fault of the page.
    expect(problems.filter((problem) => !problem.endsWith('net::ERR_ABORTED'))).toEqual([])
  })
})
