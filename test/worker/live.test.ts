// Live coverage for readers: the server-rendered live blog, the poll fragment, its cache and purges.
import { describe, expect, it } from 'vitest'
import { appWithPrivateCache, editorFetch } from './editor-fixtures'
import { insertArticle } from './fixtures'
import { html, meteredDb, request } from './helpers'
import { editorSession, insertLiveArticle, postUpdate } from './live-fixtures'

const HX = { headers: { 'HX-Request': 'true' } }

describe('the live blog on the article page', () => {
  it('renders the latest updates newest first, key events and the poller, in one round trip', async () => {
    const { article, ids, revision } = await insertLiveArticle([
      'First word',
      'KEY Second word',
      'Third word',
    ])
    const db = meteredDb()
    const page = await html(await db.request(`/news/${article.slug}`))
    expect(await db.roundTrips()).toBe(1)
    const items = page.querySelectorAll('#live-updates > li')
    expect(items.map((item) => item.getAttribute('id'))).toEqual(
      [...ids].reverse().map((id) => `update-${id}`),
    )
    expect(page.querySelector('.live__key-events a')?.getAttribute('href')).toBe(
      `#update-${ids[1]}`,
    )
    const poller = page.querySelector('#live-poll')
    expect(poller?.getAttribute('data-hx-get')).toBe(
      `/fragments/articles/${article.id}/live?after=${revision}`,
    )
    expect(poller?.getAttribute('data-hx-trigger')).toBe('every 15s, live:poll')
    expect(page.querySelector('[role="status"]')?.getAttribute('aria-live')).toBe('polite')
  })

  it('describes the coverage as LiveBlogPosting JSON-LD with its updates and times', async () => {
    const { article, ids } = await insertLiveArticle(['One', 'Two'], { ended: true })
    const page = await html(await request(`/news/${article.slug}`))
    const blocks = page
      .querySelectorAll('script[type="application/ld+json"]')
      .map((script) => JSON.parse(script.text))
    const live = blocks.find((block) => block['@type'] === 'LiveBlogPosting')
    expect(live.coverageStartTime).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(live.coverageEndTime).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(live.liveBlogUpdate.map((update: { headline: string }) => update.headline)).toEqual([
      'Two',
      'One',
    ])
    expect(live.liveBlogUpdate[0]['@id']).toContain(`#update-${ids[1]}`)
    // Ended coverage is a normal article with its updates kept, and nothing polls any more.
    expect(page.querySelector('#live-poll')).toBeNull()
    expect(page.querySelectorAll('#live-updates > li')).toHaveLength(2)
  })

  it('shows no live blog on an ordinary article', async () => {
    const article = await insertArticle()
    const page = await html(await request(`/news/${article.slug}`))
    expect(page.querySelector('.live')).toBeNull()
  })
})

describe('the poll fragment', () => {
  it('answers with the updates newer than the cursor, held back, and a poller at the newest', async () => {
    const { article, ids, revision } = await insertLiveArticle(['A', 'B', 'C'])
    // A tab that shows only the first update.
    const response = await request(`/fragments/articles/${article.id}/live?after=1`, HX)
    expect(response.status).toBe(200)
    const fragment = await html(response)
    const partial = fragment.querySelector('hx-partial')
    expect(partial?.getAttribute('hx-target')).toBe('#live-pending')
    expect(partial?.querySelectorAll('li').map((li) => li.id)).toEqual([
      `update-${ids[2]}`,
      `update-${ids[1]}`,
    ])
    expect(fragment.querySelector('#live-poll')?.getAttribute('data-hx-get')).toBe(
      `/fragments/articles/${article.id}/live?after=${revision}`,
    )
  })

  it('answers a poll with nothing new with an empty 204, which htmx does not swap', async () => {
    const { article, revision } = await insertLiveArticle(['A'])
    const response = await request(`/fragments/articles/${article.id}/live?after=${revision}`, HX)
    expect(response.status).toBe(204)
    expect(await response.text()).toBe('')
  })

  it('stops the reader polling once coverage has ended', async () => {
    const { article } = await insertLiveArticle(['A'], { ended: true })
    const fragment = await html(await request(`/fragments/articles/${article.id}/live?after=0`, HX))
    expect(fragment.querySelector('#live-poll')?.getAttribute('data-hx-get')).toBeUndefined()
    expect(fragment.querySelector('#live-poll')?.text).toContain('ended')
  })

  it.each([
    ['a non-live article', 'live', 404],
    ['an unknown article', '999999999', 404],
    ['a malformed cursor', 'cursor=abc', 400],
    ['a negative cursor', 'cursor=-1', 400],
    ['a missing cursor', 'cursor=', 400],
    ['a malformed article id', 'id=abc', 400],
  ])('refuses polling %s (%s) with a %s, never a 500', async (_, kind, status) => {
    const plain = await insertArticle()
    const { article } = await insertLiveArticle(['A'])
    const path =
      kind === 'live'
        ? `/fragments/articles/${plain.id}/live?after=0`
        : kind === '999999999'
          ? '/fragments/articles/999999999/live?after=0'
          : kind === 'id=abc'
            ? '/fragments/articles/abc/live?after=0'
            : `/fragments/articles/${article.id}/live${kind === 'cursor=' ? '' : `?after=${kind.slice(7)}`}`
    const response = await request(path, HX)
    expect(response.status).toBe(status)
  })
})

describe('the poll fragment at the edge', () => {
  it('answers polls with nothing new from the cache with no body and no database trip, until an update', async () => {
    const app = await appWithPrivateCache()
    const { article, revision } = await insertLiveArticle(['A'])
    const db = meteredDb()
    const path = `/fragments/articles/${article.id}/live?after=${revision}`
    const poll = (headers: Record<string, string> = {}) =>
      editorFetch(path, { app, htmx: true, env: db.env, headers })
    const first = await poll()
    expect([first.status, first.headers.get('x-cache')]).toEqual([204, 'MISS'])
    expect(first.headers.get('cache-control')).toContain('stale-while-revalidate=0')
    expect(first.headers.get('cache-control')).toContain('max-age=0')
    expect(await db.roundTrips()).toBe(1)
    const again = await poll()
    expect([again.status, again.headers.get('x-cache'), await again.text()]).toEqual([
      204,
      'HIT',
      '',
    ])
    // A browser revalidates what it holds (max-age=0): the same empty answer is a bare 304.
    const etag = first.headers.get('etag') ?? ''
    const revalidated = await poll({ 'If-None-Match': etag })
    expect([revalidated.status, await revalidated.text()]).toEqual([304, ''])
    expect(await db.roundTrips()).toBe(1)

    const { session } = await editorSession()
    expect((await postUpdate(article.id, session, 'Breaking **news**', { app })).status).toBe(200)
    const after = await poll({ 'If-None-Match': etag })
    expect([after.status, after.headers.get('x-cache')]).toEqual([200, 'MISS'])
    const fragment = await html(after)
    expect(fragment.querySelector('hx-partial li strong')?.text).toBe('news')
  })

  it('makes one render for a crowd of readers polling a fragment nobody has cached yet', async () => {
    const app = await appWithPrivateCache()
    const { article } = await insertLiveArticle(['A', 'B'])
    const db = meteredDb()
    const path = `/fragments/articles/${article.id}/live?after=1`
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => editorFetch(path, { app, htmx: true, env: db.env })),
    )
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200))
    const bodies = new Set(await Promise.all(answers.map((answer) => answer.text())))
    expect(bodies.size).toBe(1)
    expect(await db.roundTrips()).toBe(1)
  })

  it('purges the article page on each update, so a fresh load shows it', async () => {
    const app = await appWithPrivateCache()
    const { article } = await insertLiveArticle(['A'])
    expect((await editorFetch(`/news/${article.slug}`, { app })).headers.get('x-cache')).toBe(
      'MISS',
    )
    expect((await editorFetch(`/news/${article.slug}`, { app })).headers.get('x-cache')).toBe('HIT')
    const { session } = await editorSession()
    await postUpdate(article.id, session, 'A fresh line', { app })
    const page = await editorFetch(`/news/${article.slug}`, { app })
    expect(page.headers.get('x-cache')).toBe('MISS')
    expect((await html(page)).querySelector('#live-updates li .live-update__body')?.text).toContain(
      'A fresh line',
    )
  })
})
