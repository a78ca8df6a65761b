// The page script (htmx and site.js in one content-hashed file, or site.js alone) as pages name it.
import { describe, expect, it } from 'vitest'
import { PAGE_SCRIPT_URL, PAGE_SCRIPT_WITHOUT_HTMX_URL } from '../../src/views/assets'
import { html, request } from './helpers'

async function scriptsOf(path: string) {
  const page = await html(await request(path))
  return {
    sources: page.querySelectorAll('script[src]').map((script) => script.getAttribute('src')),
    htmxConfig: page.querySelector('meta[name="htmx-config"]') !== null,
  }
}

describe('the page script', () => {
  it('is the one script a page with htmx loads, htmx and site.js under a content-hashed name', async () => {
    expect(await scriptsOf('/search')).toEqual({ sources: [PAGE_SCRIPT_URL], htmxConfig: true })
    expect(PAGE_SCRIPT_URL).toMatch(/^\/vendor\/page-[0-9a-f]{16}\.js$/)
  })

  it('is site.js alone on pages without htmx, such as the front page and a section', async () => {
    for (const path of ['/', '/category/international-news']) {
      expect(await scriptsOf(path), path).toEqual({
        sources: [PAGE_SCRIPT_WITHOUT_HTMX_URL],
        htmxConfig: false,
      })
    }
    expect(PAGE_SCRIPT_WITHOUT_HTMX_URL).toMatch(/^\/vendor\/site-[0-9a-f]{16}\.js$/)
  })

  it('sends a name from an earlier build, still in a cached page, on to the current script', async () => {
    for (const old of ['/vendor/page-0123456789abcdef.js', '/vendor/site-0123456789abcdef.js']) {
      const response = await request(old)
      expect(response.status, old).toBe(302)
      // The script with htmx works on every page, whichever one the cached page named.
      expect(response.headers.get('location')).toBe(PAGE_SCRIPT_URL)
      expect(response.headers.get('cache-control')).toBe('public, max-age=300')
    }
  })
})
