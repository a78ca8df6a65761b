// Posting comments: every branch, with htmx and without, against the real database.

import { createExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from '../../src/app'
import { comments } from '../../src/db/schema'
import { key, post, storedComments } from './comment-post-helpers'
import { insertArticle, testDb } from './fixtures'
import { html, NO_CACHE, ORIGIN } from './helpers'

afterEach(() => vi.restoreAllMocks())

describe('POST /articles/:id/comments', () => {
  it('holds a first-time commenter for moderation and says so in the swapped form', async () => {
    const article = await insertArticle()
    const response = await post(
      article.id,
      { author_name: 'Maya', body: 'First!', idempotency_key: key() },
      { htmx: true },
    )
    expect(response.status).toBe(200)
    const fragment = await html(response)
    expect(fragment.querySelector('[role="status"]')?.text).toContain('once a moderator')
    expect(fragment.querySelector('#comment-form textarea')?.text).toBe('')
    const [stored] = await storedComments(article.id)
    expect(stored).toMatchObject({ authorName: 'Maya', body: 'First!', status: 'pending' })
    expect(stored?.ipHash).toMatch(/^[0-9a-f]{64}$/)
    expect(stored?.ipHash).not.toContain('10.0.0')
  })

  it('publishes at once in auto mode and sends the new comment for the list', async () => {
    const article = await insertArticle()
    const response = await post(
      article.id,
      { author_name: 'Karim', body: 'Line one\nLine two', idempotency_key: key() },
      { htmx: true, env: { COMMENTS_MODERATION: 'auto' } },
    )
    expect(response.status).toBe(200)
    const fragment = await html(response)
    const partial = fragment.querySelector('hx-partial')
    expect(partial?.getAttribute('data-hx-target')).toBe('#comments-list')
    expect(partial?.getAttribute('data-hx-swap')).toBe('beforeend strip:true')
    expect(partial?.querySelector('.comment__author')?.text).toBe('Karim')
    expect(partial?.querySelectorAll('.comment__body br')).toHaveLength(1)
    expect(fragment.querySelector('#comment-form [role="status"]')?.text).toContain('published')
    expect((await storedComments(article.id))[0]?.status).toBe('approved')
  })

  it('approves a returning commenter in first-time mode', async () => {
    const article = await insertArticle()
    const ip = `10.1.${Math.floor(Math.random() * 250)}.7`
    await post(article.id, { author_name: 'Rami', body: 'One', idempotency_key: key() }, { ip })
    await testDb()
      .update(comments)
      .set({ status: 'approved' })
      .where(eq(comments.articleId, article.id))
    await post(article.id, { author_name: 'Rami', body: 'Two', idempotency_key: key() }, { ip })
    const statuses = (await storedComments(article.id)).map((comment) => comment.status)
    expect(statuses).toEqual(['approved', 'approved'])
  })

  it('holds every comment in "all" mode, links over the limit in any mode, and marks banned words as spam', async () => {
    const article = await insertArticle()
    const auto = { COMMENTS_MODERATION: 'auto', COMMENTS_BANNED_WORDS: 'casino, cheap pills' }
    await post(
      article.id,
      { author_name: 'A', body: 'Held', idempotency_key: key() },
      {
        env: { COMMENTS_MODERATION: 'all' },
      },
    )
    const links = 'https://a.example https://b.example https://c.example'
    await post(article.id, { author_name: 'B', body: links, idempotency_key: key() }, { env: auto })
    await post(
      article.id,
      { author_name: 'C', body: 'Win at the Casino!', idempotency_key: key() },
      { env: auto },
    )
    await post(
      article.id,
      { author_name: 'D', body: 'Buy cheap pills now', idempotency_key: key() },
      { env: auto },
    )
    const byAuthor = Object.fromEntries(
      (await storedComments(article.id)).map((comment) => [comment.authorName, comment.status]),
    )
    expect(byAuthor).toEqual({ A: 'pending', B: 'pending', C: 'spam', D: 'spam' })
  })

  it('answers a filled honeypot like a held comment and stores nothing', async () => {
    const article = await insertArticle()
    const response = await post(
      article.id,
      {
        author_name: 'Bot',
        body: 'Buy now',
        website: 'https://spam.example',
        idempotency_key: key(),
      },
      { htmx: true },
    )
    expect(response.status).toBe(200)
    expect((await html(response)).querySelector('[role="status"]')?.text).toContain('moderator')
    expect(await storedComments(article.id)).toHaveLength(0)
  })

  it('creates one comment when the same form is sent twice, with or without a browser key', async () => {
    const article = await insertArticle()
    const fields = { author_name: 'Nour', body: 'Only once', idempotency_key: key() }
    const ip = '10.2.0.1'
    expect((await post(article.id, fields, { ip, htmx: true })).status).toBe(200)
    expect((await post(article.id, fields, { ip, htmx: true })).status).toBe(200)
    const noJs = { author_name: 'Nour', body: 'Without JavaScript' }
    expect((await post(article.id, noJs, { ip })).status).toBe(303)
    expect((await post(article.id, noJs, { ip })).status).toBe(303)
    expect((await storedComments(article.id)).map((comment) => comment.body).sort()).toEqual([
      'Only once',
      'Without JavaScript',
    ])
  })

  it('redirects a post without JavaScript to the article with a notice', async () => {
    const article = await insertArticle()
    const response = await post(article.id, { author_name: 'Lina', body: 'Plain form' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/news/${article.slug}?comment=pending#comments`)
    const page = await html(
      await createApp(NO_CACHE).fetch(
        new Request(`${ORIGIN}/news/${article.slug}?comment=pending`),
        env,
        createExecutionContext(),
      ),
    )
    expect(page.querySelector('#comment-form [role="status"]')?.text).toContain('moderator')
  })

  it('sends a GET of the form address (a refused post, reloaded) to the article', async () => {
    const article = await insertArticle()
    const fetchPath = (path: string) =>
      createApp(NO_CACHE).fetch(
        new Request(`${ORIGIN}${path}`, { redirect: 'manual' }),
        env,
        createExecutionContext(),
      )
    const response = await fetchPath(`/articles/${article.id}/comments?cursor=x`)
    expect(response.status).toBe(301)
    expect(response.headers.get('location')).toBe(`/news/${article.slug}#comments`)
    expect((await fetchPath('/articles/999999999/comments')).status).toBe(404)
  })

  it('answers 422 with a message by each field and keeps everything typed', async () => {
    const article = await insertArticle()
    const long = 'x'.repeat(5001)
    const response = await post(
      article.id,
      { author_name: '  ', body: long, idempotency_key: 'k'.repeat(20) },
      { htmx: true },
    )
    expect(response.status).toBe(422)
    const form = await html(response)
    expect(form.querySelector('#comment-form-authorName-error')?.text).toBe(
      'Please enter your name.',
    )
    expect(form.querySelector('#comment-form-body-error')?.text).toContain('the limit is 5,000')
    expect(form.querySelector('textarea')?.text).toBe(long)
    expect(form.querySelector('#comment-form-body')?.getAttribute('aria-invalid')).toBe('true')
    expect(form.querySelector('input[name="idempotency_key"]')?.getAttribute('value')).toBe(
      'k'.repeat(20),
    )
    expect(await storedComments(article.id)).toHaveLength(0)
  })

  it('answers 422 without JavaScript with a whole page holding the form and the text', async () => {
    const article = await insertArticle()
    const response = await post(article.id, { author_name: 'Sam', body: '' })
    expect(response.status).toBe(422)
    const page = await html(response)
    expect(page.querySelector('title')?.text).toContain('Comments')
    expect(page.querySelector('#comment-form-author')?.getAttribute('value')).toBe('Sam')
    expect(page.querySelector('#comment-form-body-error')?.text).toBe('Please write a comment.')
  })

  it('normalises text: trims, applies NFC and strips control characters', async () => {
    const article = await insertArticle()
    await post(article.id, {
      author_name: '  Ze\u0301na\u0007 ',
      body: ' Cafe\u0301\u0000 \u202eok\r\nnext ',
      idempotency_key: key(),
    })
    const [stored] = await storedComments(article.id)
    expect(stored?.authorName).toBe('Zéna')
    expect(stored?.body).toBe('Café ok\nnext')
  })

  it('limits a reader to 3 comments a minute per article with 429 and Retry-After, keeping the text', async () => {
    const article = await insertArticle()
    const ip = `10.3.${Math.floor(Math.random() * 250)}.1`
    for (let i = 0; i < 3; i++) {
      const ok = await post(
        article.id,
        { author_name: 'Fast', body: `n${i}`, idempotency_key: key() },
        { ip },
      )
      expect(ok.status).toBe(303)
    }
    const response = await post(
      article.id,
      { author_name: 'Fast', body: 'one too many', idempotency_key: key() },
      { ip, htmx: true },
    )
    expect(response.status).toBe(429)
    const retryAfter = Number(response.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    const form = await html(response)
    expect(form.querySelector('textarea')?.text).toBe('one too many')
    expect(form.querySelector('[role="alert"]')?.text).toContain('too quickly')
    expect(await storedComments(article.id)).toHaveLength(3)
  })

  it('refuses comments on a closed article with 403, by flag or by age', async () => {
    const closed = await insertArticle({ commentsClosed: true })
    const response = await post(
      closed.id,
      { author_name: 'A', body: 'b', idempotency_key: key() },
      { htmx: true },
    )
    expect(response.status).toBe(403)
    expect((await html(response)).querySelector('[role="alert"]')?.text).toContain('closed')
    const old = await insertArticle({ publishedAt: new Date(Date.now() - 40 * 86_400_000) })
    const aged = await post(
      old.id,
      { author_name: 'A', body: 'b', idempotency_key: key() },
      {
        env: { COMMENTS_CLOSE_AFTER_DAYS: '30' },
      },
    )
    expect(aged.status).toBe(403)
    expect(await storedComments(closed.id)).toHaveLength(0)
  })

  it('answers 404 for an unknown article and 400 for a malformed id', async () => {
    expect((await post(99_999_999, { author_name: 'A', body: 'b' })).status).toBe(404)
    expect((await post(0, { author_name: 'A', body: 'b' })).status).toBe(400)
  })

  it('lets a reply hang under a top-level comment but not under another reply', async () => {
    const article = await insertArticle()
    const db = testDb()
    const [top] = await db
      .insert(comments)
      .values({
        articleId: article.id,
        authorName: 'Top',
        body: 't',
        status: 'approved',
        ipHash: 'x',
        idempotencyKey: key(),
      })
      .returning()
    const [reply] = await db
      .insert(comments)
      .values({
        articleId: article.id,
        parentId: top?.id,
        authorName: 'R',
        body: 'r',
        status: 'approved',
        ipHash: 'x',
        idempotencyKey: key(),
      })
      .returning()
    const ok = await post(
      article.id,
      { author_name: 'B', body: 'reply', parent_id: String(top?.id), idempotency_key: key() },
      { htmx: true, env: { COMMENTS_MODERATION: 'auto' } },
    )
    expect(ok.status).toBe(200)
    const fragment = await html(ok)
    expect(fragment.querySelector('hx-partial')?.getAttribute('data-hx-target')).toBe(
      `#replies-${top?.id}`,
    )
    const nested = await post(
      article.id,
      { author_name: 'B', body: 'nested', parent_id: String(reply?.id), idempotency_key: key() },
      { htmx: true },
    )
    expect(nested.status).toBe(400)
    expect((await html(nested)).querySelector('textarea')?.text).toBe('nested')
  })

  it('refuses a body over 64 KB with 413 and a message', async () => {
    const article = await insertArticle()
    const response = await post(
      article.id,
      { author_name: 'A', body: 'x'.repeat(70_000) },
      { htmx: true },
    )
    expect(response.status).toBe(413)
    expect((await html(response)).text).toContain('64 KB')
  })

  it('answers 503 with Retry-After and the reader text when the database is down', async () => {
    const response = await post(
      1,
      { author_name: 'Hana', body: 'Please keep this', idempotency_key: key() },
      { htmx: true, env: { TURSO_DATABASE_URL: 'http://127.0.0.1:9' } },
    )
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('30')
    const form = await html(response)
    expect(form.querySelector('textarea')?.text).toBe('Please keep this')
    expect(form.querySelector('#comment-form-author')?.getAttribute('value')).toBe('Hana')
  })

  it('refuses a post from another site', async () => {
    const article = await insertArticle()
    const response = await createApp(NO_CACHE).fetch(
      new Request(`${ORIGIN}/articles/${article.id}/comments`, {
        method: 'POST',
        headers: {
          Origin: 'https://evil.example',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: 'author_name=A&body=b',
      }),
      env,
      createExecutionContext(),
    )
    expect(response.status).toBe(403)
    expect(await storedComments(article.id)).toHaveLength(0)
  })

  describe('with Turnstile enabled', () => {
    const turnstile = { TURNSTILE_SITE_KEY: 'site-key', TURNSTILE_SECRET_KEY: 'secret-key' }

    function mockSiteverify(success: boolean) {
      const realFetch = globalThis.fetch
      return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
        const url = input instanceof Request ? input.url : String(input)
        if (url.startsWith('https://challenges.cloudflare.com/')) {
          return Response.json({ success })
        }
        return realFetch(input, init)
      })
    }

    it('stores the comment when siteverify confirms the token', async () => {
      const article = await insertArticle()
      const spy = mockSiteverify(true)
      const response = await post(
        article.id,
        {
          author_name: 'A',
          body: 'human',
          'cf-turnstile-response': 'token',
          idempotency_key: key(),
        },
        { htmx: true, env: turnstile },
      )
      expect(response.status).toBe(200)
      const verifyCall = spy.mock.calls.find(([input]) => String(input).includes('siteverify'))
      const body = new URLSearchParams(String(verifyCall?.[1]?.body))
      expect(body.get('secret')).toBe('secret-key')
      expect(body.get('response')).toBe('token')
      expect(await storedComments(article.id)).toHaveLength(1)
    })

    it('refuses with 422 and keeps the text when siteverify says no', async () => {
      const article = await insertArticle()
      mockSiteverify(false)
      const response = await post(
        article.id,
        {
          author_name: 'A',
          body: 'robot?',
          'cf-turnstile-response': 'bad',
          idempotency_key: key(),
        },
        { htmx: true, env: turnstile },
      )
      expect(response.status).toBe(422)
      expect((await html(response)).querySelector('textarea')?.text).toBe('robot?')
      expect(await storedComments(article.id)).toHaveLength(0)
    })
  })
})
