// The newsroom's live desk: posting fast, refusals that keep the text, corrections, audit and the alert.
import { and, desc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, breakingAlerts, liveUpdates } from '../../src/db/schema'
import { editorFetch } from './editor-fixtures'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { html, meteredDb, request } from './helpers'
import { editorSession, insertLiveArticle, postUpdate } from './live-fixtures'

async function auditActions(targetType: string, targetId: number | string) {
  const rows = await testDb()
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, targetType), eq(auditLog.targetId, String(targetId))))
  return rows.map((row) => row.action)
}

describe('posting on the live desk', () => {
  it('posts an update with htmx: the panel comes back with an empty field and the update on top', async () => {
    const { article } = await insertLiveArticle(['Earlier'])
    const { session } = await editorSession('author')
    const response = await postUpdate(article.id, session, `Crowds *gather* ${uniqueSuffix()}`)
    expect(response.status).toBe(200)
    const panel = await html(response)
    expect(panel.querySelector('#live-desk textarea[name="body"]')?.text).toBe('')
    expect(panel.querySelector('.live-desk__update em')?.text).toBe('gather')
    const [row] = await testDb()
      .select({ id: liveUpdates.id })
      .from(liveUpdates)
      .where(eq(liveUpdates.articleId, article.id))
      .orderBy(desc(liveUpdates.id))
      .limit(1)
    expect(await auditActions('live_update', row?.id ?? 0)).toEqual(['live.post'])
  })

  it('costs three round trips: the session, one write batch and the refreshed desk', async () => {
    const { article } = await insertLiveArticle([])
    const { session } = await editorSession()
    const db = meteredDb()
    expect((await postUpdate(article.id, session, 'Counted', { env: db.env })).status).toBe(200)
    expect(await db.roundTrips()).toBe(3)
  })

  it.each([
    { what: 'an empty update', body: '   ', status: 422, message: /empty/ },
    {
      what: 'an update over 10,000 characters',
      body: `${'word '.repeat(2001)}end`,
      status: 422,
      message: /10,000/,
    },
  ])(
    'refuses $what with a $status and keeps the text in the form',
    async ({ body, status, message }) => {
      const { article } = await insertLiveArticle([])
      const { session } = await editorSession()
      const response = await postUpdate(article.id, session, body)
      expect(response.status).toBe(status)
      const panel = await html(response)
      expect(panel.querySelector('textarea[name="body"]')?.text).toBe(body)
      expect(panel.querySelector('.field-error')?.text).toMatch(message)
    },
  )

  it('refuses a post to an article that is not live with a 409, keeping the text, without JavaScript too', async () => {
    const article = await insertArticle()
    const { session } = await editorSession()
    const response = await postUpdate(article.id, session, 'Lost words?', { htmx: false })
    expect(response.status).toBe(409)
    const page = await html(response)
    expect(page.querySelector('h1')?.text).toBe(article.title)
    expect(page.querySelector('.field-error')?.text).toContain('not live')
    expect(page.querySelector('textarea[name="body"]')?.text).toBe('Lost words?')
  })

  it('tells an author nothing about someone else’s draft, by the desk or by a post', async () => {
    const draft = await insertArticle({ status: 'draft', publishedAt: null })
    const { session } = await editorSession('author')
    const opened = await editorFetch(`/editor/live/${draft.id}`, { session })
    const posted = await postUpdate(draft.id, session, 'Probing')
    for (const response of [opened, posted]) {
      expect(response.status).toBe(403)
      expect(await response.text()).not.toContain(draft.title)
    }
  })

  it('lets an author post but not correct', async () => {
    const { article, ids } = await insertLiveArticle(['Theirs'])
    const { session } = await editorSession('author')
    const response = await editorFetch(`/editor/live/${article.id}/updates/${ids[0]}/delete`, {
      session,
      htmx: true,
      form: {},
    })
    expect(response.status).toBe(403)
  })
})

describe('correcting updates and ending coverage', () => {
  it('edits, pins and deletes an update, each audited and shown to readers', async () => {
    const { article, ids } = await insertLiveArticle(['Typo here', 'Second'])
    const { session } = await editorSession()
    const base = `/editor/live/${article.id}/updates/${ids[0]}`
    expect(
      (await editorFetch(base, { session, htmx: true, form: { body: 'Fixed here' } })).status,
    ).toBe(200)
    expect(
      (await editorFetch(`${base}/pin`, { session, htmx: true, form: { pinned: '1' } })).status,
    ).toBe(200)
    let page = await html(await request(`/news/${article.slug}`))
    expect(page.querySelector('.live__updates--pinned li')?.id).toBe(`update-${ids[0]}`)
    expect(page.querySelector('.live__updates--pinned .live-update__body')?.text).toContain(
      'Fixed here',
    )
    expect((await editorFetch(`${base}/delete`, { session, htmx: true, form: {} })).status).toBe(
      200,
    )
    page = await html(await request(`/news/${article.slug}`))
    expect(page.querySelectorAll('.live .live-update').map((li) => li.id)).toEqual([
      `update-${ids[1]}`,
    ])
    expect(await auditActions('live_update', ids[0] ?? 0)).toEqual([
      'live.edit',
      'live.pin',
      'live.delete',
    ])
  })

  it('keeps an edit that is refused in its form with the message', async () => {
    const { article, ids } = await insertLiveArticle(['Fine'])
    const { session } = await editorSession()
    const response = await editorFetch(`/editor/live/${article.id}/updates/${ids[0]}`, {
      session,
      htmx: true,
      form: { body: '', image_url: 'javascript:alert(1)' },
    })
    expect(response.status).toBe(422)
    const panel = await html(response)
    expect(panel.querySelector(`#desk-update-${ids[0]} details`)?.hasAttribute('open')).toBe(true)
    expect(panel.querySelector(`#desk-update-${ids[0]} .field-error`)?.text).toContain('empty')
  })

  it('ends coverage: the page freezes with its updates and further posts are refused', async () => {
    const { article } = await insertLiveArticle(['Kept'])
    const { session } = await editorSession()
    const ended = await editorFetch(`/editor/live/${article.id}/end`, { session, form: {} })
    expect(ended.status).toBe(303)
    const page = await html(await request(`/news/${article.slug}`))
    expect(page.querySelector('#live-poll')).toBeNull()
    expect(page.querySelector('.live__ended')).not.toBeNull()
    expect(page.querySelectorAll('#live-updates li')).toHaveLength(1)
    expect((await postUpdate(article.id, session, 'Too late')).status).toBe(409)
    expect(await auditActions('article', article.id)).toContain('live.end')
  })

  it('starts coverage on a published story from the desk', async () => {
    const article = await insertArticle()
    const { session } = await editorSession()
    const started = await editorFetch('/editor/live/start', {
      session,
      form: { article_id: String(article.id) },
    })
    expect(started.headers.get('location')).toBe(`/editor/live/${article.id}`)
    expect((await postUpdate(article.id, session, 'We are live')).status).toBe(200)
    const page = await html(await request(`/news/${article.slug}`))
    expect(page.querySelector('#live-updates li .live-update__body')?.text).toContain('We are live')
  })
})

describe('the breaking alert', () => {
  it('shows a set alert in the banner fragment, and none once cleared', async () => {
    const { session } = await editorSession()
    const headline = `Quake hits the coast ${uniqueSuffix()}`
    const set = await editorFetch('/editor/live/breaking', {
      session,
      form: { headline, url: '/news/quake', minutes: '60' },
    })
    expect(set.status).toBe(200)
    const banner = await html(await request('/fragments/breaking'))
    expect(banner.querySelector('#breaking a')?.text).toBe(headline)
    expect(banner.querySelector('#breaking a')?.getAttribute('href')).toBe('/news/quake')
    await editorFetch('/editor/live/breaking/clear', { session, form: {} })
    const cleared = await html(await request('/fragments/breaking'))
    expect(cleared.querySelector('#breaking')?.hasAttribute('hidden')).toBe(true)
  })

  it('expires on its own', async () => {
    const { user } = await editorSession()
    const headline = `Old news ${uniqueSuffix()}`
    await testDb()
      .insert(breakingAlerts)
      .values({ headline, url: '/', expiresAt: new Date(Date.now() - 1000), authorId: user.id })
    const banner = await html(await request('/fragments/breaking'))
    expect(banner.querySelector('#breaking a')?.text).not.toBe(headline)
  })

  it('refuses a link that is not https or on the site, keeping the line typed', async () => {
    const { session } = await editorSession()
    const response = await editorFetch('/editor/live/breaking', {
      session,
      form: { headline: 'Keep me', url: 'javascript:alert(1)', minutes: '60' },
    })
    expect(response.status).toBe(422)
    const page = await html(response)
    expect(page.querySelector('#breaking-headline')?.getAttribute('value')).toBe('Keep me')
    expect(page.querySelector('.notice--error')?.text).toContain('https')
  })
})
