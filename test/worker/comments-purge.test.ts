// A comment approved as it is posted shows on the cached article page at once: the post purges it.
import { describe, expect, it } from 'vitest'
import { cachedApp } from './edge-cache-fixtures'
import { insertArticle } from './fixtures'
import { html, ORIGIN } from './helpers'

const AUTO_APPROVE = { COMMENTS_MODERATION: 'auto' }

describe('posting a comment that is approved at once', () => {
  it('purges the cached article page, so the next reader sees the comment', async () => {
    const { fetchPage } = await cachedApp()
    const article = await insertArticle()
    const path = `/news/${article.slug}`
    expect((await fetchPage(path, undefined, AUTO_APPROVE)).headers.get('x-cache')).toBe('MISS')
    expect((await fetchPage(path, undefined, AUTO_APPROVE)).headers.get('x-cache')).toBe('HIT')

    const body = `Seen from the harbour ${crypto.randomUUID()}`
    const posted = await fetchPage(
      `/articles/${article.id}/comments`,
      {
        method: 'POST',
        headers: {
          Origin: ORIGIN,
          'Content-Type': 'application/x-www-form-urlencoded',
          'CF-Connecting-IP': '203.0.113.41',
        },
        body: new URLSearchParams({
          author_name: 'Rania',
          body,
          idempotency_key: `purge-${crypto.randomUUID()}`,
        }),
        redirect: 'manual',
      },
      AUTO_APPROVE,
    )
    expect(posted.status).toBe(303)
    expect(posted.headers.get('location')).toContain('comment=approved')

    const after = await fetchPage(path, undefined, AUTO_APPROVE)
    expect(after.headers.get('x-cache')).toBe('MISS')
    const comments = (await html(after)).querySelectorAll('#comments .comment__body')
    expect(comments.map((comment) => comment.text.trim())).toContain(body)
  })
})
