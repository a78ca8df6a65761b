// The page script (htmx and site.js in one content-hashed file) as pages name it, and old names.
import { describe, expect, it } from 'vitest'
import { PAGE_SCRIPT_URL } from '../../src/views/assets'
import { html, request } from './helpers'

describe('the page script', () => {
  it('is the one script a reader page loads, under its content-hashed name', async () => {
    const page = await html(await request('/search'))
    const sources = page.querySelectorAll('script[src]').map((script) => script.getAttribute('src'))
    expect(sources).toEqual([PAGE_SCRIPT_URL])
    expect(PAGE_SCRIPT_URL).toMatch(/^\/vendor\/page-[0-9a-f]{16}\.js$/)
  })

  it('sends a name from an earlier build, still in a cached page, on to the current script', async () => {
    const response = await request('/vendor/page-0123456789abcdef.js')
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(PAGE_SCRIPT_URL)
    expect(response.headers.get('cache-control')).toBe('public, max-age=300')
  })
})
