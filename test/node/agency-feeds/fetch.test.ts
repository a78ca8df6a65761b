// Fetching a feed from a local server: conditional GET, timeout, size cap, and redirects checked per hop.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { decodeFeed, fetchFeed } from '../../../src/services/agency-feed-fetch'
import { startFeedServer } from '../../fixtures/feeds/server'

let server: Awaited<ReturnType<typeof startFeedServer>>
beforeEach(async () => {
  server = await startFeedServer()
})
afterEach(() => server.close())

const dev = { allowPrivate: true }
const script = (name: string, body: object) =>
  fetch(`${server.url}/__script/${name}`, { method: 'PUT', body: JSON.stringify(body) })
const none = { etag: null, lastModified: null }

describe('fetchFeed', () => {
  it('sends the validators it was given and reports 304 as not modified', async () => {
    await script('a', {
      body: '<rss/>',
      etag: '"e1"',
      lastModified: 'Mon, 30 Nov 2026 08:00:00 GMT',
    })
    const first = await fetchFeed(`${server.url}/feeds/a`, none, dev)
    expect(first).toMatchObject({
      status: 'ok',
      body: '<rss/>',
      etag: '"e1"',
      lastModified: 'Mon, 30 Nov 2026 08:00:00 GMT',
    })
    const second = await fetchFeed(
      `${server.url}/feeds/a`,
      { etag: '"e1"', lastModified: null },
      dev,
    )
    expect(second).toEqual({ status: 'not-modified' })
  })

  it('gives up on a feed that does not answer in time', async () => {
    await script('slow', { body: '<rss/>', delayMs: 2_000 })
    await expect(
      fetchFeed(`${server.url}/feeds/slow`, none, { ...dev, timeoutMs: 200 }),
    ).rejects.toThrow(/did not answer within 0.2 s/)
  })

  it('stops reading a feed larger than the cap', async () => {
    await script('big', { body: 'x'.repeat(5_000) })
    await expect(
      fetchFeed(`${server.url}/feeds/big`, none, { ...dev, maxBytes: 1_000 }),
    ).rejects.toThrow(/larger than 1 KB/)
  })

  it('refuses a redirect from a public feed to a private address before requesting it', async () => {
    const requested: string[] = []
    const fakeInternet: typeof fetch = async (input) => {
      requested.push(String(input))
      return new Response(null, {
        status: 302,
        headers: { location: 'http://169.254.169.254/latest/meta-data/' },
      })
    }
    await expect(
      fetchFeed('https://wire.example.com/feed', none, {
        allowPrivate: false,
        fetch: fakeInternet,
      }),
    ).rejects.toThrow(/^Redirect refused: .*private or local/)
    expect(requested).toEqual(['https://wire.example.com/feed'])
  })

  it('reports HTTP errors by status', async () => {
    await script('gone', { status: 410 })
    await expect(fetchFeed(`${server.url}/feeds/gone`, none, dev)).rejects.toThrow(
      'The feed answered HTTP 410.',
    )
  })
})

describe('decodeFeed', () => {
  it('decodes the charset the header or the XML declaration names', () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><t>'),
      0xe9,
      ...new TextEncoder().encode('</t>'),
    ])
    expect(decodeFeed(latin1, 'application/xml')).toContain('<t>é</t>')
    expect(decodeFeed(new TextEncoder().encode('<t>é</t>'), 'text/xml; charset=utf-8')).toBe(
      '<t>é</t>',
    )
  })
})
