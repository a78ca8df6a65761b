// The newsroom export: admins only, streamed in batches, complete, and never carrying a secret.
import type { env } from 'cloudflare:workers'
import { XMLParser } from 'fast-xml-parser'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { REFERENCE_SLUG } from '../../src/cli/seed/reference-article'
import { sessions, users } from '../../src/db/schema'
import { createUser, editorFetch, sessionFor, tokenFor } from './editor-fixtures'
import { testDb } from './fixtures'
import { meteredDb } from './helpers'

type Json = Record<string, unknown> & { articles: Record<string, unknown>[] }

async function download(format: string, options: { env?: typeof env } = {}) {
  const session = await sessionFor(await createUser('admin'))
  return editorFetch('/editor/export', { session, form: { format }, env: options.env })
}

describe('the newsroom export', () => {
  it('offers admins a download button for each format', async () => {
    const session = await sessionFor(await createUser('admin'))
    const page = parse(await (await editorFetch('/editor/export', { session })).text())
    const formats = page.querySelectorAll('form[action="/editor/export"] input[name="format"]')
    expect(formats.map((input) => input.getAttribute('value'))).toEqual(['json', 'wxr'])
    expect(page.querySelector('form[action="/editor/export"] button[type="submit"]')).not.toBeNull()
    expect(page.querySelector('nav a[href="/editor/export"]')).not.toBeNull()
  })

  it('is refused to editors, authors and anyone signed out', async () => {
    for (const role of ['editor', 'author'] as const) {
      const session = await sessionFor(await createUser(role))
      expect((await editorFetch('/editor/export', { session })).status).toBe(403)
      const post = await editorFetch('/editor/export', { session, form: { format: 'json' } })
      expect(post.status).toBe(403)
    }
    const anonymous = await editorFetch('/editor/export', { form: { format: 'json' } })
    expect([302, 303, 401, 403]).toContain(anonymous.status)
    expect(anonymous.headers.get('content-disposition')).toBeNull()
  })

  it('answers an unknown format with a clear 4xx, not a file', async () => {
    const response = await download('csv')
    expect(response.status).toBe(400)
    expect(response.headers.get('content-disposition')).toBeNull()
  })

  it('downloads the whole site as JSON, read from the database in many small batches', async () => {
    const db = meteredDb()
    const response = await download('json', { env: db.env })
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.json"$/)
    expect(response.headers.get('cache-control')).toContain('no-store')
    const data = JSON.parse(await response.text()) as Json
    expect(data).toMatchObject({ format: 'bulletin-export', version: 1 })
    const reference = data.articles.find((article) => article.slug === REFERENCE_SLUG)
    expect((reference?.comments as unknown[] | undefined)?.length).toBeGreaterThan(5)
    expect((reference?.tags as unknown[] | undefined)?.length).toBeGreaterThan(1)
    // Articles come 50 at a time, each page in one round trip: never one query for everything.
    expect(await db.roundTrips()).toBeGreaterThan(Math.ceil(data.articles.length / 50))
  })

  it('never carries password hashes, sessions, API tokens or IP hashes', async () => {
    const admin = await createUser('admin')
    await sessionFor(admin)
    await tokenFor(admin, ['articles:read'])
    const text = await (await download('json')).text()
    const secrets = await testDb().select({ hash: users.passwordHash }).from(users)
    const sessionRows = await testDb().select().from(sessions)
    for (const { hash } of secrets) expect(text).not.toContain(hash)
    for (const row of sessionRows) {
      expect(text).not.toContain(row.tokenHash)
      expect(text).not.toContain(row.csrfToken)
    }
    for (const key of ['passwordHash', 'tokenHash', 'csrfToken', 'ipHash']) {
      expect(text).not.toContain(`"${key}"`)
    }
  })

  it('downloads WXR 1.2 that names posts, terms and threaded comments as WordPress expects', async () => {
    const response = await download('wxr')
    expect(response.headers.get('content-disposition')).toMatch(/\.xml"$/)
    const parser = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['item', 'wp:comment', 'category'].includes(name),
    })
    const channel = parser.parse(await response.text()).rss.channel
    expect(String(channel['wp:wxr_version'])).toBe('1.2')
    const item = channel.item.find(
      (entry: Record<string, unknown>) => entry['wp:post_name'] === REFERENCE_SLUG,
    )
    expect(item['wp:post_type']).toBe('post')
    expect(item['wp:status']).toBe('publish')
    expect(item['content:encoded']).toContain('<p>')
    const domains = item.category.map((term: Record<string, string>) => term['@_domain'])
    expect(domains).toContain('category')
    expect(domains).toContain('post_tag')
    const comments = item['wp:comment'] as Record<string, unknown>[]
    const ids = new Set(comments.map((comment) => comment['wp:comment_id']))
    const replies = comments.filter((comment) => comment['wp:comment_parent'] !== 0)
    expect(replies.length).toBeGreaterThan(0)
    for (const reply of replies) expect(ids.has(reply['wp:comment_parent'])).toBe(true)
    expect(
      channel.item.some((entry: Record<string, unknown>) => entry['wp:post_type'] === 'page'),
    ).toBe(true)
  })
})
