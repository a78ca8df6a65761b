// The per-reader comment limit across the site: one address cannot post the per-article limit everywhere.
import { describe, expect, it } from 'vitest'
import { key, post, storedComments } from './comment-post-helpers'
import { insertArticle } from './fixtures'
import { html } from './helpers'

/** An address no other test posts from. */
const readerIp = () =>
  `10.77.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`

async function articles(count: number) {
  return Promise.all(Array.from({ length: count }, () => insertArticle()))
}

describe('POST /articles/:id/comments, across the site', () => {
  it('refuses a reader past COMMENTS_SITE_RATE_PER_HOUR on any article with 429 and Retry-After, keeping the text', async () => {
    const siteLimit = { COMMENTS_SITE_RATE_PER_HOUR: '4' }
    const ip = readerIp()
    const [first, others, fresh] = [await insertArticle(), await articles(3), await insertArticle()]
    const firstForm = { author_name: 'Roving', body: 'one', idempotency_key: key() }
    expect((await post(first.id, firstForm, { ip, env: siteLimit })).status).toBe(303)
    for (const article of others) {
      const fields = { author_name: 'Roving', body: `on ${article.id}`, idempotency_key: key() }
      expect((await post(article.id, fields, { ip, env: siteLimit })).status).toBe(303)
    }
    // One comment on each of four articles: the per-article limits are far away, the site's is met.
    const response = await post(
      fresh.id,
      { author_name: 'Roving', body: 'one article too many', idempotency_key: key() },
      { ip, htmx: true, env: siteLimit },
    )
    expect(response.status).toBe(429)
    const retryAfter = Number(response.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(3600)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const form = await html(response)
    expect(form.querySelector('textarea')?.text).toBe('one article too many')
    expect(form.querySelector('input[name="author_name"]')?.getAttribute('value')).toBe('Roving')
    expect(form.querySelector('[role="alert"]')?.text).toMatch(/a lot of comments.*wait \d+ \w+/)
    expect(await storedComments(fresh.id)).toHaveLength(0)

    // Sending the first form again is a retry, not a new comment: it is answered as before.
    expect((await post(first.id, firstForm, { ip, env: siteLimit })).status).toBe(303)
    expect(await storedComments(first.id)).toHaveLength(1)
    // Another reader is not held back by this one.
    const other = { author_name: 'Else', body: 'me too', idempotency_key: key() }
    expect((await post(fresh.id, other, { ip: readerIp(), env: siteLimit })).status).toBe(303)
  })

  it('refuses a reader past COMMENTS_SITE_RATE_PER_DAY, and without JavaScript answers a page with the form', async () => {
    const dayLimit = { COMMENTS_SITE_RATE_PER_HOUR: '100', COMMENTS_SITE_RATE_PER_DAY: '3' }
    const ip = readerIp()
    const [earlier, last] = [await articles(3), await insertArticle()]
    for (const article of earlier) {
      const fields = { author_name: 'Daily', body: `on ${article.id}`, idempotency_key: key() }
      expect((await post(article.id, fields, { ip, env: dayLimit })).status).toBe(303)
    }
    const response = await post(
      last.id,
      { author_name: 'Daily', body: 'kept for tomorrow', idempotency_key: key() },
      { ip, env: dayLimit },
    )
    expect(response.status).toBe(429)
    const retryAfter = Number(response.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(86_400)
    const page = await html(response)
    expect(page.querySelector('main form textarea')?.text).toBe('kept for tomorrow')
    expect(page.querySelector('[role="alert"]')?.text).toContain('a lot of comments')
    expect(await storedComments(last.id)).toHaveLength(0)
  })
})
