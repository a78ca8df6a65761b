// Bad embed requests: each one gets a 400 or 404 with a short line a host page can show.

import { describe, expect, it } from 'vitest'
import { expectInert } from '../support/inert-html'
import { insertArticle } from './fixtures'
import { html, request } from './helpers'

const LONG_SLUG = 'a'.repeat(201)

/** Every bad parameter the issue names, with the status and the words of its answer. */
const BAD_REQUESTS: [string, number, RegExp][] = [
  ['/embed/latest?limit=0', 400, /limit must be a whole number from 1 to 20/],
  ['/embed/latest?limit=1000', 400, /limit must be a whole number from 1 to 20/],
  ['/embed/latest?limit=abc', 400, /limit must be a whole number from 1 to 20/],
  ['/embed/latest?limit=-3', 400, /limit must be a whole number from 1 to 20/],
  ['/embed/latest?limit=2.5', 400, /limit must be a whole number from 1 to 20/],
  ['/embed/latest?category=no-such-section', 404, /no such category/],
  ['/embed/latest?category=Not%20A%20Slug', 404, /no such category/],
  ['/embed/latest?tag=no-such-tag', 404, /no such tag/],
  ['/embed/latest?theme=blue', 400, /theme must be light, dark or auto/],
  ['/embed/latest?lang=english%20please', 400, /lang must be a language tag/],
  [`/embed/articles/${LONG_SLUG}`, 400, /too long/],
  ['/embed/articles/no-such-story', 404, /no story at this address/],
  ['/embed/articles/Not_A_Slug', 404, /no story at this address/],
]

describe('bad embed requests', () => {
  it.each(BAD_REQUESTS)('answers %s with %i and a short message', async (path, status, words) => {
    for (const shape of ['', '/fragments']) {
      const response = await request(`${shape}${path}`)
      expect(response.status).toBe(status)
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
      const body = await response.text()
      const page = (await import('node-html-parser')).parse(body)
      const line = page.querySelector('.bulletin-embed .bulletin-error[role="alert"]')
      expect(line?.text).toMatch(words)
      expect(line?.text.length).toBeLessThan(80)
      if (shape) {
        // A fragment: the host page shows it as it is, and may read it from any origin.
        expect(body).not.toMatch(/<(!doctype|html|body)\b/i)
        expect(response.headers.get('access-control-allow-origin')).toBe('*')
      } else {
        // An iframe: an embed-styled document, still framable, never the site's error page.
        expect(body).toMatch(/^<!DOCTYPE html>/)
        expect(page.querySelector('link[rel="stylesheet"]')?.getAttribute('href')).toBe(
          '/css/embed.css',
        )
        expect(response.headers.get('content-security-policy')).toContain('frame-ancestors *')
      }
    }
  })

  it('never echoes the bad value back', async () => {
    const response = await request(
      '/fragments/embed/latest?theme=%3Cscript%3Ealert(1)%3C/script%3E',
    )
    expect(response.status).toBe(400)
    const body = await response.text()
    expectInert(body, 'embed error')
    expect(body).not.toContain('alert(1)')
  })

  it('refuses a bad option before it looks anything up', async () => {
    const article = await insertArticle()
    const page = await html(await request(`/embed/articles/${article.slug}?lang=xx-!!`))
    expect(page.querySelector('.bulletin-error')?.text).toMatch(/lang must be a language tag/)
  })
})
