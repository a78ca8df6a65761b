// The newsroom's Agency feeds page: editors and admins subscribe and unsubscribe; nobody else gets in.
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { deleteAgencyFeed, recordFeedFailure } from '../../src/db/queries/agency-feeds'
import { agencyFeeds } from '../../src/db/schema'
import { ALLOW_PRIVATE, FEED_SERVER, feedName } from './agency-feeds-fixtures'
import { createUser, editorFetch, sessionFor } from './editor-fixtures'
import { testDb, uniqueSuffix } from './fixtures'
import { html } from './helpers'

const created: number[] = []
afterEach(async () => {
  for (const id of created.splice(0)) await deleteAgencyFeed(testDb(), id)
})

async function feedByUrl(url: string) {
  const [row] = await testDb().select().from(agencyFeeds).where(eq(agencyFeeds.url, url))
  if (row) created.push(row.id)
  return row
}

// `.invalid` never resolves: a cron run elsewhere that finds it due fails at once, not at a timeout.
const publicUrl = () => `https://wire-${uniqueSuffix()}.invalid/world.xml`
const form = (url: string, overrides: Record<string, string> = {}) => ({
  url,
  section: 'international-news',
  byline: 'Staff, Agencies',
  mode: 'draft',
  ...overrides,
})

describe('the Agency feeds page', () => {
  it('lets an editor subscribe a feed with section, byline and mode, and lists it', async () => {
    const session = await sessionFor(await createUser('editor'))
    const url = publicUrl()
    const response = await editorFetch('/editor/agency-feeds', {
      session,
      form: form(url, { mode: 'publish' }),
    })
    expect(response.status).toBe(201)
    const page = await html(response)
    expect(page.querySelector('[role="status"]')?.text).toContain('Subscribed')
    const row = await feedByUrl(url)
    expect(row).toMatchObject({ byline: 'Staff, Agencies', mode: 'publish', failureCount: 0 })
    const cells = page.querySelectorAll(`#feed-${row?.id} td`).map((td) => td.text.trim())
    expect(cells.slice(0, 4)).toEqual([url, 'International News', 'Staff, Agencies', 'Published'])
    expect(cells[4]).toBe('Waiting for the first poll')
  })

  it('shows a failing feed as failing, with its last error and next retry', async () => {
    const session = await sessionFor(await createUser('admin'))
    const url = publicUrl()
    await editorFetch('/editor/agency-feeds', { session, form: form(url) })
    const row = await feedByUrl(url)
    const now = new Date()
    await recordFeedFailure(testDb(), row?.id as number, {
      error: 'The feed answered HTTP 503.',
      now,
      nextAttemptAt: new Date(now.getTime() + 300_000),
    })
    const page = await html(await editorFetch('/editor/agency-feeds', { session }))
    const status = page.querySelector(`#feed-${row?.id} td:nth-child(5)`)
    expect(status?.querySelector('strong')?.text).toBe('Failing (1 time)')
    expect(status?.text).toContain('The feed answered HTTP 503.')
    expect(status?.text).toContain('Next try')
  })

  it('keeps what was typed and names the field when the address is refused', async () => {
    const session = await sessionFor(await createUser('editor'))
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://[::ffff:127.0.0.1]/',
      'file:///etc/passwd',
      'http://2130706433/',
    ]) {
      const response = await editorFetch('/editor/agency-feeds', {
        session,
        form: form(url, { byline: 'Wire, typed by hand' }),
      })
      expect(response.status, url).toBe(422)
      const page = await html(response)
      expect(page.querySelector('#feed-url')?.getAttribute('value')).toBe(url)
      expect(page.querySelector('#feed-url')?.getAttribute('aria-invalid')).toBe('true')
      expect(page.querySelector('#feed-url-error')?.text).toMatch(/private or local|Only http/)
      expect(page.querySelector('#feed-byline')?.getAttribute('value')).toBe('Wire, typed by hand')
      expect(await feedByUrl(url)).toBeUndefined()
    }
  })

  it('accepts a loopback feed only where local development allows it', async () => {
    const session = await sessionFor(await createUser('editor'))
    const url = `${FEED_SERVER}/feeds/${feedName()}`
    expect((await editorFetch('/editor/agency-feeds', { session, form: form(url) })).status).toBe(
      422,
    )
    const allowed = await editorFetch('/editor/agency-feeds', {
      session,
      form: form(url),
      env: ALLOW_PRIVATE,
    })
    expect(allowed.status).toBe(201)
    expect(await feedByUrl(url)).toBeDefined()
  })

  it('refuses a missing section, an unknown mode and a feed already taken', async () => {
    const session = await sessionFor(await createUser('editor'))
    const url = publicUrl()
    await editorFetch('/editor/agency-feeds', { session, form: form(url) })
    await feedByUrl(url)
    const response = await editorFetch('/editor/agency-feeds', {
      session,
      form: form(url, { section: '', mode: 'sometimes' }),
    })
    expect(response.status).toBe(422)
    const page = await html(response)
    expect(page.querySelector('#feed-url-error')?.text).toContain('already takes this feed')
    expect(page.querySelector('#feed-section-error')?.text).toBe('Choose a section.')
    expect(page.querySelector('#feed-mode-error')?.text).toContain('drafts')
  })

  it('unsubscribes a feed', async () => {
    const session = await sessionFor(await createUser('editor'))
    const url = publicUrl()
    await editorFetch('/editor/agency-feeds', { session, form: form(url) })
    const row = await feedByUrl(url)
    const response = await editorFetch(`/editor/agency-feeds/${row?.id}/delete`, {
      session,
      form: {},
    })
    expect(response.status).toBe(200)
    expect((await html(response)).querySelector(`#feed-${row?.id}`)).toBeNull()
    expect(await feedByUrl(url)).toBeUndefined()
  })

  it('is linked from the newsroom navigation for editors, not for authors', async () => {
    const navLinks = async (role: 'editor' | 'author') => {
      const page = await html(
        await editorFetch('/editor', { session: await sessionFor(await createUser(role)) }),
      )
      return page.querySelectorAll('nav a').map((a) => a.getAttribute('href'))
    }
    expect(await navLinks('editor')).toContain('/editor/agency-feeds')
    expect(await navLinks('author')).not.toContain('/editor/agency-feeds')
  })
})

describe('who may manage agency feeds', () => {
  it('denies authors every path, reading and writing', async () => {
    const session = await sessionFor(await createUser('author'))
    const url = publicUrl()
    expect((await editorFetch('/editor/agency-feeds', { session })).status).toBe(403)
    expect((await editorFetch('/editor/agency-feeds', { session, form: form(url) })).status).toBe(
      403,
    )
    expect(await feedByUrl(url)).toBeUndefined()
    expect((await editorFetch('/editor/agency-feeds/1/delete', { session, form: {} })).status).toBe(
      403,
    )
  })

  it('sends readers without a session to the sign-in page, and refuses a form without its CSRF token', async () => {
    const anonymous = await editorFetch('/editor/agency-feeds')
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('location')).toContain('/editor/login')
    const session = await sessionFor(await createUser('editor'))
    const url = publicUrl()
    const forged = await editorFetch('/editor/agency-feeds', {
      session,
      form: form(url),
      csrf: false,
    })
    expect(forged.status).toBe(403)
    expect(await feedByUrl(url)).toBeUndefined()
  })
})
