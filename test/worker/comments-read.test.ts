// Reading comments: the "Load more" fragment, the page without JavaScript, and inert user text.

import { createExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { comments } from '../../src/db/schema'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { html, NO_CACHE, ORIGIN, request } from './helpers'

async function insertApproved(articleId: number, count: number) {
  const start = Date.now() - count * 60_000
  const rows = Array.from({ length: count }, (_, i) => ({
    articleId,
    authorName: `Reader ${i + 1}`,
    body: `Comment number ${i + 1}`,
    status: 'approved' as const,
    ipHash: 'f'.repeat(64),
    idempotencyKey: `read-${uniqueSuffix()}-${i}`,
    createdAt: new Date(start + i * 60_000),
  }))
  return testDb().insert(comments).values(rows).returning()
}

/** An approved reply by "Replier" to `parentId`. */
function insertReply(articleId: number, parentId: number | undefined) {
  return testDb()
    .insert(comments)
    .values({
      articleId,
      parentId,
      authorName: 'Replier',
      body: 'A reply',
      status: 'approved',
      ipHash: 'e'.repeat(64),
      idempotencyKey: `reply-${uniqueSuffix()}`,
    })
    .returning()
}

/** Every element and attribute a browser could execute, found in parsed HTML. */
function executableMarkup(markup: string): string[] {
  const root = parse(markup)
  const found: string[] = []
  for (const element of root.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase()
    if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'img', 'style'].includes(tag)) {
      found.push(`<${tag}>`)
    }
    for (const [name, value] of Object.entries(element.attributes)) {
      if (/^on/i.test(name)) found.push(`${tag}[${name}]`)
      if (/^\s*(javascript|data|vbscript):/i.test(value)) found.push(`${tag}[${name}=${value}]`)
    }
  }
  return found
}

describe('reading comments', () => {
  it('pages through approved comments with "Load more" until the last page', async () => {
    const article = await insertArticle()
    await insertApproved(article.id, 45)
    const page = await html(await request(`/news/${article.slug}`))
    expect(page.querySelectorAll('#comments-list > li.comment')).toHaveLength(20)
    let next = page.querySelector('.comments__more a')?.getAttribute('data-hx-get')
    const seen = page.querySelectorAll('#comments-list .comment__author').map((a) => a.text)
    while (next) {
      const response = await request(next, { headers: { 'HX-Request': 'true' } })
      expect(response.status).toBe(200)
      const fragment = await html(response)
      expect(fragment.querySelector('html')).toBeNull()
      seen.push(...fragment.querySelectorAll('.comment__author').map((a) => a.text))
      next = fragment.querySelector('.comments__more a')?.getAttribute('data-hx-get')
    }
    expect(seen).toEqual(Array.from({ length: 45 }, (_, i) => `Reader ${i + 1}`))
  })

  it('offers the same pages without JavaScript on /news/:slug/comments', async () => {
    const article = await insertArticle()
    await insertApproved(article.id, 25)
    const first = await html(await request(`/news/${article.slug}`))
    const href = first.querySelector('.comments__more a')?.getAttribute('href') ?? ''
    const response = await request(href)
    expect(response.status).toBe(200)
    const page = await html(response)
    expect(page.querySelectorAll('#comments-list > li.comment')).toHaveLength(5)
    expect(page.querySelector('#comment-form')).not.toBeNull()
    expect(page.querySelector('.back-link a')?.getAttribute('href')).toBe(
      `/news/${article.slug}#comments`,
    )
  })

  it('shows replies under their parent and a reply form for a top-level comment', async () => {
    const article = await insertArticle()
    const [parent] = await insertApproved(article.id, 1)
    await insertReply(article.id, parent?.id)
    const page = await html(await request(`/news/${article.slug}`))
    const replies = page.querySelectorAll(`#replies-${parent?.id} .comment__author`)
    expect(replies.map((reply) => reply.text)).toEqual(['Replier'])
    const reply = await request(`/news/${article.slug}/comments?reply_to=${parent?.id}`)
    const form = (await html(reply)).querySelector(`#reply-form-${parent?.id}`)
    expect(form?.querySelector('input[name="parent_id"]')?.getAttribute('value')).toBe(
      String(parent?.id),
    )
  })

  it('offers no reply on an article whose comments are closed, on any page that lists them', async () => {
    const article = await insertArticle({ commentsClosed: true })
    const [comment] = await insertApproved(article.id, 1)
    const pages = [
      `/news/${article.slug}`,
      `/news/${article.slug}/comments`,
      `/news/${article.slug}/comments?reply_to=${comment?.id}`,
      `/fragments/articles/${article.id}/comments`,
    ]
    for (const path of pages) {
      const page = await html(await request(path))
      expect(page.querySelector(`#comment-${comment?.id} .comment__author`)?.text, path).toBe(
        'Reader 1',
      )
      expect(page.querySelector('.comment__reply'), path).toBeNull()
      expect(page.querySelector('form[action$="/comments"]'), path).toBeNull()
    }
    const form = await request(
      `/fragments/articles/${article.id}/comments/${comment?.id}/reply-form`,
    )
    expect(form.status).toBe(403)
    expect(await form.text()).toContain('Comments are closed for this article.')
  })

  it('serves a reply form only for an approved top-level comment of that article', async () => {
    const article = await insertArticle()
    const other = await insertArticle()
    const [parent] = await insertApproved(article.id, 1)
    const [elsewhere] = await insertApproved(other.id, 1)
    const [reply] = await insertReply(article.id, parent?.id)
    const [held] = await testDb()
      .insert(comments)
      .values({
        articleId: article.id,
        authorName: 'Held',
        body: 'Waiting for a moderator',
        status: 'pending',
        ipHash: 'e'.repeat(64),
        idempotencyKey: `reply-form-held-${uniqueSuffix()}`,
      })
      .returning()
    const formFor = (commentId: number | undefined) =>
      request(`/fragments/articles/${article.id}/comments/${commentId}/reply-form`)
    const ok = await formFor(parent?.id)
    expect(ok.status).toBe(200)
    expect((await html(ok)).querySelector('input[name="parent_id"]')?.getAttribute('value')).toBe(
      String(parent?.id),
    )
    for (const id of [reply?.id, held?.id, elsewhere?.id, 999_999_999]) {
      const refused = await formFor(id)
      expect(refused.status, String(id)).toBe(404)
      expect(await refused.text()).toContain('The comment you are replying to is not available.')
    }
  })

  it('never shows pending, spam or rejected comments', async () => {
    const article = await insertArticle()
    await testDb()
      .insert(comments)
      .values(
        (['pending', 'spam', 'rejected'] as const).map((status) => ({
          articleId: article.id,
          authorName: `Hidden ${status}`,
          body: 'hidden',
          status,
          ipHash: 'd'.repeat(64),
          idempotencyKey: `hidden-${status}-${uniqueSuffix()}`,
        })),
      )
    const page = await html(await request(`/news/${article.slug}`))
    expect(page.querySelectorAll('.comment')).toHaveLength(0)
    expect(page.querySelector('.comments__count')?.text).toBe('(0)')
  })

  it('answers 400 for a malformed cursor and 404 for an unknown article', async () => {
    expect((await request('/fragments/articles/1/comments?cursor=abc')).status).toBe(400)
    expect((await request('/fragments/articles/99999999/comments')).status).toBe(404)
    expect((await request('/fragments/articles/abc/comments')).status).toBe(400)
  })

  it('auto-links only http and https URLs, as untrusted links', async () => {
    const article = await insertArticle()
    await testDb()
      .insert(comments)
      .values({
        articleId: article.id,
        authorName: 'Linker',
        body: 'See https://example.com/a?b=1, or javascript:alert(1) and ftp://x.example',
        status: 'approved',
        ipHash: 'c'.repeat(64),
        idempotencyKey: `link-${uniqueSuffix()}`,
      })
    const page = await html(await request(`/news/${article.slug}`))
    const links = page.querySelectorAll('.comment__body a')
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://example.com/a?b=1'])
    expect(links[0]?.getAttribute('rel')).toBe('nofollow ugc noopener')
    expect(page.querySelector('.comment__body')?.getAttribute('data-hx-ignore')).not.toBeUndefined()
  })

  const XSS_PAYLOADS = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<body onload=alert(1)>',
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<object data="javascript:alert(1)">',
    '<embed src="javascript:alert(1)">',
    '<style>@import "javascript:alert(1)";</style>',
    '<input autofocus onfocus=alert(1)>',
    '<details open ontoggle=alert(1)>',
    '<video><source onerror=alert(1)>',
    '<marquee onstart=alert(1)>',
    '<div style="background:url(javascript:alert(1))">',
    '<x hx-get="/editor" hx-trigger="load">',
    '<div hx-on:click="alert(1)">click</div>',
    '{{constructor.constructor("alert(1)")()}}',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '&#60;script&#62;alert(1)&#60;/script&#62;',
    '<scr<script>ipt>alert(1)</scr</script>ipt>',
    '<!--<script>alert(1)</script>-->',
    '<![CDATA[<script>alert(1)</script>]]>',
    'javascript:alert(1)',
    'https://example.com/"onmouseover="alert(1)',
    'https://example.com/<script>alert(1)</script>',
    'data:text/html,<script>alert(1)</script>',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel=import href=data:text/html,<script>alert(1)</script>>',
  ]

  it(`renders ${XSS_PAYLOADS.length} known XSS payloads in name and body as plain text`, async () => {
    const article = await insertArticle()
    await testDb()
      .insert(comments)
      .values(
        XSS_PAYLOADS.map((payload, i) => ({
          articleId: article.id,
          authorName: payload.slice(0, 80),
          body: payload,
          status: 'approved' as const,
          ipHash: 'b'.repeat(64),
          idempotencyKey: `xss-${i}-${uniqueSuffix()}`,
          createdAt: new Date(Date.now() - (XSS_PAYLOADS.length - i) * 1000),
        })),
      )
    let next: string | undefined = `/fragments/articles/${article.id}/comments`
    const bodies: string[] = []
    while (next) {
      const markup: string = await (await request(next)).text()
      expect(executableMarkup(markup)).toEqual([])
      const fragment: ReturnType<typeof parse> = parse(markup)
      bodies.push(...fragment.querySelectorAll('.comment__body').map((body) => body.text))
      next = fragment.querySelector('.comments__more a')?.getAttribute('data-hx-get')
    }
    expect(bodies).toEqual(XSS_PAYLOADS)
  })

  it('stores any Unicode body as given (after normalisation) and renders it inert', async () => {
    const article = await insertArticle()
    const app = createApp(NO_CACHE)
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }),
        async (text) => {
          const key = `prop-${uniqueSuffix()}-${uniqueSuffix()}`
          const response = await app.fetch(
            new Request(`${ORIGIN}/articles/${article.id}/comments`, {
              method: 'POST',
              headers: {
                Origin: ORIGIN,
                'Content-Type': 'application/x-www-form-urlencoded',
                'HX-Request': 'true',
                'CF-Connecting-IP': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
              },
              body: new URLSearchParams({ author_name: 'Prop', body: text, idempotency_key: key }),
            }),
            { ...env, COMMENTS_MODERATION: 'auto', COMMENTS_MAX_LINKS: '1000' },
            createExecutionContext(),
          )
          const markup = await response.text()
          expect(executableMarkup(markup)).toEqual([])
          const [stored] = await testDb()
            .select()
            .from(comments)
            .where(eq(comments.idempotencyKey, key))
          const expected = text
            .normalize('NFC')
            .replace(/\r\n?/g, '\n')
            // biome-ignore lint/suspicious/noControlCharactersInRegex: mirrors the normaliser.
            .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
            .replace(/\t/g, '  ')
            .trim()
          if (expected === '') expect(response.status).toBe(422)
          else expect(stored?.body).toBe(expected)
        },
      ),
      { numRuns: 40, seed: 20261128 },
    )
  })
})
