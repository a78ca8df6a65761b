// Writing articles in the newsroom: drafts, tags on the fly, slugs, preview, schedule, publish and purge.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articles, articleTags, relatedPins, tags } from '../../src/db/schema'
import { expectInert } from '../support/inert-html'
import {
  appWithPrivateCache,
  articleForm,
  createUser,
  editorFetch,
  sessionFor,
} from './editor-fixtures'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { html } from './helpers'

async function storedArticle(id: number) {
  const [row] = await testDb().select().from(articles).where(eq(articles.id, id))
  if (!row) throw new Error(`no article ${id}`)
  return row
}

function idFrom(response: Response): number {
  const match = /^\/editor\/articles\/(\d+)\?notice=/.exec(response.headers.get('location') ?? '')
  if (!match) throw new Error(`unexpected redirect ${response.headers.get('location')}`)
  return Number(match[1])
}

async function tagNames(articleId: number) {
  const rows = await testDb()
    .select({ name: tags.name, slug: tags.slug })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, articleId))
  return rows.map((row) => row.name).sort()
}

describe('newsroom articles', () => {
  it('creates a draft owned by its author, with tags made on the fly and the fields as typed', async () => {
    const author = await createUser('author')
    const session = await sessionFor(author)
    const word = uniqueSuffix()
    const response = await editorFetch('/editor/articles', {
      session,
      form: articleForm({
        title: `Storm reaches the coast ${word}`,
        tags: `Weather ${word}, Coast ${word}, weather ${word}`,
        image_url: '/images/placeholders/globe.svg',
        image_alt: 'A globe',
        image_width: '1200',
        image_height: '675',
        language: 'fr',
        comments_closed: 'on',
        body_md: '**Bold** and <script>alert(1)</script>',
      }),
    })
    expect(response.status).toBe(303)
    const id = idFrom(response)
    const row = await storedArticle(id)
    expect(row).toMatchObject({
      status: 'draft',
      authorId: author.id,
      slug: `storm-reaches-the-coast-${word}`,
      imageUrl: '/images/placeholders/globe.svg',
      imageWidth: 1200,
      imageHeight: 675,
      language: 'fr',
      commentsClosed: true,
      publishedAt: null,
    })
    expect(row.bodyHtml).toContain('<strong>Bold</strong>')
    expectInert(row.bodyHtml, 'saved body')
    // "weather" twice is one tag.
    expect(await tagNames(id)).toEqual([`Coast ${word}`, `Weather ${word}`])
    const page = await html(await editorFetch(`/editor/articles/${id}?notice=created`, { session }))
    expect(page.querySelector('[role="status"]')?.text).toBe('Draft created.')
    expect(page.querySelector('#article-title')?.getAttribute('value')).toBe(
      `Storm reaches the coast ${word}`,
    )
  })

  it('keeps slugs unique: the same title twice gets a -2', async () => {
    const editor = await createUser('editor')
    const session = await sessionFor(editor)
    const title = `Same headline ${uniqueSuffix()}`
    const first = idFrom(
      await editorFetch('/editor/articles', { session, form: articleForm({ title }) }),
    )
    const second = idFrom(
      await editorFetch('/editor/articles', { session, form: articleForm({ title }) }),
    )
    const slug = (await storedArticle(first)).slug
    expect((await storedArticle(second)).slug).toBe(`${slug}-2`)
    // A slug typed by hand that someone has is refused by the field, not silently changed.
    const taken = await editorFetch('/editor/articles', { session, form: articleForm({ slug }) })
    expect(taken.status).toBe(422)
    expect((await html(taken)).querySelector('#article-slug-error')?.text).toContain(
      'Another article',
    )
  })

  it('answers invalid input with 422, a message by each field and every value kept', async () => {
    const session = await sessionFor(await createUser('author'))
    const form = articleForm({
      title: '',
      slug: 'Not A Slug!',
      category: 'no-such-section',
      image_url: 'javascript:alert(1)',
      image_width: 'wide',
      body_md: 'Text I must not lose.',
    })
    const response = await editorFetch('/editor/articles', { session, form })
    expect(response.status).toBe(422)
    const page = await html(response)
    expect(page.querySelector('#article-title-error')?.text).toBe(
      'Please give the article a title.',
    )
    expect(page.querySelector('#article-title')?.getAttribute('aria-invalid')).toBe('true')
    expect(page.querySelector('#article-title')?.getAttribute('aria-describedby')).toBe(
      'article-title-error',
    )
    expect(page.querySelector('#article-slug-error')?.text).toContain('lowercase letters')
    expect(page.querySelector('#article-image-url-error')?.text).toContain('https://')
    expect(page.querySelector('#article-image-width-error')?.text).toContain('whole number')
    expect(page.querySelector('#article-body')?.text).toBe('Text I must not lose.')
    expect(page.querySelector('#article-image-url')?.getAttribute('value')).toBe(
      'javascript:alert(1)',
    )
  })

  it('previews Markdown as the sanitised HTML readers would get, in a data-hx-ignore region', async () => {
    const session = await sessionFor(await createUser('author'))
    const response = await editorFetch('/editor/preview', {
      session,
      htmx: true,
      form: {
        title: 'Preview',
        body_md:
          '# Head\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)> [ok](https://example.com)',
      },
    })
    expect(response.status).toBe(200)
    const fragment = await html(response)
    expect(fragment.querySelector('[data-hx-ignore]')).not.toBeNull()
    const body = fragment.querySelector('.article__body')
    expect(body?.querySelector('h2')?.text).toBe('Head')
    expect(body?.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com',
    ])
    expect(body?.querySelector('img')).toBeNull()
    expect(body?.querySelector('a')?.getAttribute('rel')).toBe('noopener')
  })

  it('schedules for a date and time in the site time zone, and refuses one in the past', async () => {
    const session = await sessionFor(await createUser('editor'))
    const past = await editorFetch('/editor/articles', {
      session,
      form: articleForm({ intent: 'schedule', publish_at: '2020-01-01T10:00', body_md: 'kept' }),
    })
    expect(past.status).toBe(422)
    expect((await html(past)).querySelector('#article-publish-at-error')?.text).toContain('future')
    // Asia/Beirut is UTC+2 in January.
    const response = await editorFetch('/editor/articles', {
      session,
      form: articleForm({ intent: 'schedule', publish_at: '2031-01-15T09:30' }),
    })
    const row = await storedArticle(idFrom(response))
    expect(row.status).toBe('scheduled')
    expect(row.publishedAt?.toISOString()).toBe('2031-01-15T07:30:00.000Z')
  })

  it('publishes now: the story is on home and in its section at once, MISS then HIT', async () => {
    const app = await appWithPrivateCache()
    const session = await sessionFor(await createUser('editor'))
    const fetchPublic = (path: string) => editorFetch(path, { app })
    const title = `Breaking ${uniqueSuffix()}`
    // Warm the caches with pages that do not have the story yet.
    for (const path of ['/', '/category/economy']) {
      expect((await fetchPublic(path)).headers.get('x-cache')).toBe('MISS')
      expect((await fetchPublic(path)).headers.get('x-cache')).toBe('HIT')
    }
    const created = await editorFetch('/editor/articles', {
      app,
      session,
      form: articleForm({ title, category: 'economy', tags: `Markets ${uniqueSuffix()}` }),
    })
    const id = idFrom(created)
    const published = await editorFetch(`/editor/articles/${id}`, {
      app,
      session,
      htmx: true,
      form: articleForm({ title, category: 'economy', intent: 'publish' }),
    })
    expect(published.status).toBe(200)
    const fragment = await html(published)
    expect(fragment.querySelector('.article-form__status .status-badge')?.text).toBe('Published')
    expect(fragment.querySelector('[role="status"]')?.text).toBe('Published. It is live now.')
    for (const path of ['/', '/category/economy']) {
      const first = await fetchPublic(path)
      expect(first.headers.get('x-cache')).toBe('MISS')
      expect(await first.text()).toContain(title)
      expect((await fetchPublic(path)).headers.get('x-cache')).toBe('HIT')
    }
    expect((await storedArticle(id)).status).toBe('published')
  })

  it('keeps the old address working with a 301 when a published article changes slug', async () => {
    const session = await sessionFor(await createUser('editor'))
    const article = await insertArticle()
    const slug = `renamed-${uniqueSuffix()}`
    const response = await editorFetch(`/editor/articles/${article.id}`, {
      session,
      form: articleForm({ title: article.title, slug }),
    })
    expect(response.status).toBe(303)
    const old = await editorFetch(`/news/${article.slug}`)
    expect(old.status).toBe(301)
    expect(old.headers.get('location')).toBe(`/news/${slug}`)
  })

  it('unpublishes (the page is gone) and archives (the page says 410)', async () => {
    const session = await sessionFor(await createUser('editor'))
    const article = await insertArticle()
    const form = articleForm({ title: article.title, slug: article.slug })
    await editorFetch(`/editor/articles/${article.id}`, {
      session,
      form: { ...form, intent: 'unpublish' },
    })
    expect((await storedArticle(article.id)).status).toBe('draft')
    expect((await editorFetch(`/news/${article.slug}`)).status).toBe(404)
    await editorFetch(`/editor/articles/${article.id}`, {
      session,
      form: { ...form, intent: 'archive' },
    })
    expect((await editorFetch(`/news/${article.slug}`)).status).toBe(410)
  })

  it('pins related articles in order and refuses one that is not published', async () => {
    const session = await sessionFor(await createUser('editor'))
    const [a, b, draft] = await Promise.all([
      insertArticle(),
      insertArticle(),
      insertArticle({ status: 'draft', publishedAt: null }),
    ])
    const form = articleForm({ related: `${b.slug}, ${a.slug}` })
    const id = idFrom(await editorFetch('/editor/articles', { session, form }))
    const pins = await testDb().select().from(relatedPins).where(eq(relatedPins.articleId, id))
    expect(pins.sort((x, y) => x.position - y.position).map((pin) => pin.relatedId)).toEqual([
      b.id,
      a.id,
    ])
    const refused = await editorFetch('/editor/articles', {
      session,
      form: articleForm({ related: draft.slug }),
    })
    expect(refused.status).toBe(422)
    expect((await html(refused)).querySelector('#article-related-error')?.text).toContain(
      draft.slug,
    )
  })

  it('answers a save over someone else’s newer save with 409, keeping the text', async () => {
    const session = await sessionFor(await createUser('editor'))
    const article = await insertArticle({ status: 'draft', publishedAt: null })
    const stale = String(article.updatedAt.getTime() - 1000)
    const response = await editorFetch(`/editor/articles/${article.id}`, {
      session,
      htmx: true,
      form: articleForm({ title: 'Mine', version: stale, body_md: 'My careful edit.' }),
    })
    expect(response.status).toBe(409)
    const form = await html(response)
    expect(form.querySelector('[role="alert"]')?.text).toContain('Someone saved this article')
    expect(form.querySelector('#article-body')?.text).toBe('My careful edit.')
    expect((await storedArticle(article.id)).title).toBe(article.title)
  })

  it('lets an author submit for review but never publish, and not touch other work', async () => {
    const author = await createUser('author')
    const session = await sessionFor(author)
    const id = idFrom(
      await editorFetch('/editor/articles', { session, form: articleForm({ intent: 'submit' }) }),
    )
    expect((await storedArticle(id)).status).toBe('review')
    const page = await html(await editorFetch(`/editor/articles/${id}`, { session }))
    const buttons = page
      .querySelectorAll('button[name="intent"]')
      .map((b) => b.getAttribute('value'))
    expect(buttons).toEqual(['save', 'preview'])
    // A hand-made publish request saves the text but is refused the move.
    const forced = await editorFetch(`/editor/articles/${id}`, {
      session,
      form: articleForm({ intent: 'publish' }),
    })
    expect(forced.status).toBe(422)
    expect((await html(forced)).querySelector('[role="alert"]')?.text).toContain('does not allow')
    expect((await storedArticle(id)).status).toBe('review')
    // Once published by an editor, the author can no longer change it.
    await testDb().update(articles).set({ status: 'published' }).where(eq(articles.id, id))
    expect(
      (await editorFetch(`/editor/articles/${id}`, { session, form: articleForm() })).status,
    ).toBe(403)
    const other = await insertArticle({ status: 'draft', publishedAt: null })
    expect((await editorFetch(`/editor/articles/${other.id}`, { session })).status).toBe(403)
  })

  it('shows an author only their own articles in the list', async () => {
    const author = await createUser('author')
    const session = await sessionFor(author)
    const mine = idFrom(await editorFetch('/editor/articles', { session, form: articleForm() }))
    const page = await html(await editorFetch(`/editor/articles?author=1`, { session }))
    const links = page.querySelectorAll('#article-table tbody a').map((a) => a.getAttribute('href'))
    expect(links).toEqual([`/editor/articles/${mine}`])
    expect(page.querySelector('#filter-author')).toBeNull()
  })

  it('filters, searches and pages the list, and answers htmx with just the table', async () => {
    const session = await sessionFor(await createUser('editor'))
    const word = `zebra${uniqueSuffix()}`
    await insertArticle({ title: `The ${word} report`, status: 'review', publishedAt: null })
    await insertArticle({ title: `Another ${word} report` })
    const response = await editorFetch(`/editor/articles?q=${word}&status=review`, {
      session,
      htmx: true,
    })
    const fragment = await html(response)
    expect(fragment.querySelector('html')).toBeNull()
    expect(
      fragment.querySelectorAll('#article-table tbody tr').map((tr) => tr.querySelector('a')?.text),
    ).toEqual([`The ${word} report`])
    // LIKE wildcards typed by an editor are literal.
    const wild = await html(
      await editorFetch('/editor/articles?q=%25%25%25_', { session, htmx: true }),
    )
    expect(wild.querySelector('.result-count')?.text).toBe('0 articles')
  })
})
