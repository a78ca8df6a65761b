// Only the page a plain browser gets is cached: an error asked for as JSON or by htmx is never shared.
import { describe, expect, it } from 'vitest'
import { cachedApp } from './edge-cache-fixtures'
import { insertArticle, uniqueSuffix } from './fixtures'
import { html } from './helpers'

const AS_JSON = { headers: { Accept: 'application/json' } }
const AS_HTMX = { headers: { 'HX-Request': 'true' } }

/** What a browser should get for a missing page: a whole HTML document. */
async function expectErrorPage(response: Response) {
  expect(response.status).toBe(404)
  expect(response.headers.get('content-type')).toMatch(/^text\/html/)
  const page = await html(response)
  expect(page.querySelector('html')).not.toBeNull()
  expect(page.querySelector('h1')?.text).toBe('Page not found')
}

describe('representations and the edge cache', () => {
  it('never serves a 404 asked for as JSON to the next browser', async () => {
    const { fetchPage } = await cachedApp()
    const path = `/news/missing-${uniqueSuffix()}`
    const json = await fetchPage(path, AS_JSON)
    expect(json.status).toBe(404)
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND')
    await expectErrorPage(await fetchPage(path))
  })

  it('never serves a 404 fragment asked for by htmx to the next browser', async () => {
    const { fetchPage } = await cachedApp()
    const path = `/category/missing-${uniqueSuffix()}`
    const fragment = await fetchPage(path, AS_HTMX)
    expect(fragment.status).toBe(404)
    expect((await html(fragment)).querySelector('html')).toBeNull()
    await expectErrorPage(await fetchPage(path))
  })

  it('keeps serving the cached 404 page to browsers, but not to JSON or htmx requests', async () => {
    const { fetchPage } = await cachedApp()
    const path = `/news/missing-${uniqueSuffix()}`
    await expectErrorPage(await fetchPage(path))
    const again = await fetchPage(path)
    expect(again.headers.get('x-cache')).toBe('HIT')
    await expectErrorPage(again)
    const json = await fetchPage(path, AS_JSON)
    expect(json.headers.get('content-type')).toMatch(/^application\/json/)
    const fragment = await fetchPage(path, AS_HTMX)
    expect((await html(fragment)).querySelector('html')).toBeNull()
  })

  it('serves a cached page to htmx and JSON requests alike, since a page is the same for all', async () => {
    const { fetchPage } = await cachedApp()
    const article = await insertArticle()
    const path = `/news/${article.slug}`
    const body = await (await fetchPage(path)).text()
    for (const init of [AS_JSON, AS_HTMX]) {
      const response = await fetchPage(path, init)
      expect(response.headers.get('x-cache')).toBe('HIT')
      expect(await response.text()).toBe(body)
    }
  })
})
