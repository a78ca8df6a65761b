// The moderation queue: approve, reject or mark spam, one at a time or in bulk, with purges.
import { eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, comments } from '../../src/db/schema'
import {
  appWithPrivateCache,
  createUser,
  editorFetch,
  insertPendingComment,
  sessionFor,
} from './editor-fixtures'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { html } from './helpers'

async function statusOf(id: number) {
  const [row] = await testDb()
    .select({ status: comments.status })
    .from(comments)
    .where(eq(comments.id, id))
  return row?.status
}

describe('comment moderation', () => {
  it('shows each pending comment with its article and the comment it answers', async () => {
    const session = await sessionFor(await createUser('editor'))
    const article = await insertArticle()
    const parent = await insertPendingComment(article.id, `Parent ${uniqueSuffix()}`)
    await testDb().update(comments).set({ status: 'approved' }).where(eq(comments.id, parent.id))
    const word = uniqueSuffix()
    const [reply] = await testDb()
      .insert(comments)
      .values({
        articleId: article.id,
        parentId: parent.id,
        authorName: 'Replier',
        body: `Reply ${word} <b>not bold</b>`,
        status: 'pending',
        ipHash: 'e'.repeat(64),
        idempotencyKey: `reply-${word}`,
        createdAt: new Date(0),
      })
      .returning()
    const page = await html(await editorFetch('/editor/comments?status=pending', { session }))
    const item = page.querySelector(`#comment-${reply?.id}`)
    expect(item?.querySelector('.queue-item__meta a')?.getAttribute('href')).toBe(
      `/news/${article.slug}`,
    )
    expect(item?.querySelector('.queue-item__context')?.text).toContain(parent.body)
    // Reader text is escaped and never processed by htmx.
    expect(item?.querySelector('.queue-item__main > .comment__body')?.text).toContain(
      '<b>not bold</b>',
    )
    expect(
      item?.querySelector('.queue-item__main > .comment__body')?.getAttribute('data-hx-ignore'),
    ).toBeDefined()
  })

  it('approves one comment with htmx: the queue and its counts are swapped, and the article shows it', async () => {
    const app = await appWithPrivateCache()
    const editor = await createUser('editor')
    const session = await sessionFor(editor)
    const article = await insertArticle()
    const body = `Approve me ${uniqueSuffix()}`
    const comment = await insertPendingComment(article.id, body)
    // The article page is cached before the approval…
    expect((await editorFetch(`/news/${article.slug}`, { app })).headers.get('x-cache')).toBe(
      'MISS',
    )
    expect((await editorFetch(`/news/${article.slug}`, { app })).headers.get('x-cache')).toBe('HIT')
    const response = await editorFetch('/editor/comments/moderate', {
      app,
      session,
      htmx: true,
      form: { single: `${comment.id}:approve`, status: 'pending', page: '1' },
    })
    expect(response.status).toBe(200)
    const fragment = await html(response)
    expect(fragment.querySelector('#moderation-queue [role="status"]')?.text).toBe(
      '1 comment approved.',
    )
    expect(fragment.querySelector('hx-partial')?.getAttribute('hx-target')).toBe('#moderation-tabs')
    expect(await statusOf(comment.id)).toBe('approved')
    // …and purged by it, so readers see the comment at once.
    const page = await editorFetch(`/news/${article.slug}`, { app })
    expect(page.headers.get('x-cache')).toBe('MISS')
    expect(await page.text()).toContain(body)
    const [entry] = await testDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(comment.id)))
    expect(entry).toMatchObject({
      userId: editor.id,
      action: 'comment.approve',
      targetType: 'comment',
    })
  })

  it('rejects in bulk, and marks spam without JavaScript through a redirect with a notice', async () => {
    const session = await sessionFor(await createUser('editor'))
    const article = await insertArticle()
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => insertPendingComment(article.id)))
    const bulk = await editorFetch('/editor/comments/moderate', {
      session,
      form: { action: 'reject', ids: [String(a?.id), String(b?.id)], status: 'pending', page: '1' },
    })
    expect(bulk.status).toBe(303)
    expect(bulk.headers.get('location')).toBe(
      '/editor/comments?status=pending&page=1&done=reject-2',
    )
    const rows = await testDb()
      .select({ status: comments.status })
      .from(comments)
      .where(inArray(comments.id, [Number(a?.id), Number(b?.id)]))
    expect(rows.map((row) => row.status)).toEqual(['rejected', 'rejected'])
    await editorFetch('/editor/comments/moderate', { session, form: { single: `${c?.id}:spam` } })
    expect(await statusOf(Number(c?.id))).toBe('spam')
    const page = await html(
      await editorFetch('/editor/comments?status=pending&page=1&done=reject-2', { session }),
    )
    expect(page.querySelector('[role="status"]')?.text).toBe('2 comments rejected.')
  })

  it('asks for a selection when none is ticked, and 404s an unknown comment', async () => {
    const session = await sessionFor(await createUser('editor'))
    const none = await editorFetch('/editor/comments/moderate', {
      session,
      htmx: true,
      form: { action: 'approve' },
    })
    expect(none.status).toBe(422)
    expect((await html(none)).querySelector('[role="alert"]')?.text).toContain('Tick at least one')
    const unknown = await editorFetch('/editor/comments/moderate', {
      session,
      form: { single: '999999999:approve' },
    })
    expect(unknown.status).toBe(404)
  })
})
