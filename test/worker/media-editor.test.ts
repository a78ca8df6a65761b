// The newsroom media library end to end: uploads as a form and through htmx, roles, audit, deleting.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { and, eq } from 'drizzle-orm'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { auditLog, media } from '../../src/db/schema'
import { variantCacheKey } from '../../src/services/media-variants'
import { createUser, editorFetch, sessionFor, type TestSession } from './editor-fixtures'
import { insertArticle, testDb } from './fixtures'
import { NO_CACHE, ORIGIN, request } from './helpers'
import { mediaEnv, uniqueJpeg } from './media-fixtures'

interface Upload {
  session: TestSession
  files?: { bytes: ArrayBuffer | Uint8Array; name: string; type?: string }[]
  fields?: Record<string, string>
  htmx?: boolean
}

/** A multipart upload as a browser sends it, with the session's cookie and CSRF field. */
async function upload({ session, files, fields = {}, htmx }: Upload): Promise<Response> {
  const body = new FormData()
  body.set('_csrf', session.csrf)
  for (const [name, value] of Object.entries(fields)) body.set(name, value)
  for (const file of files ?? [{ bytes: uniqueJpeg(), name: 'photo.jpg' }]) {
    body.append('file', new File([file.bytes], file.name, { type: file.type ?? 'image/jpeg' }))
  }
  const headers = new Headers({ Cookie: session.cookie, Origin: ORIGIN })
  if (htmx) headers.set('HX-Request', 'true')
  const ctx = createExecutionContext()
  const response = await createApp(NO_CACHE).fetch(
    new Request(`${ORIGIN}/editor/media/upload`, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
    }),
    env,
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return response
}

async function uploadedId(response: Response): Promise<number> {
  expect(response.status).toBe(303)
  const id = Number(/\/editor\/media\/(\d+)$/.exec(response.headers.get('location') ?? '')?.[1])
  expect(id).toBeGreaterThan(0)
  return id
}

async function mediaRow(id: number) {
  const [row] = await testDb().select().from(media).where(eq(media.id, id))
  return row
}

describe('the media library page', () => {
  it('takes a plain form upload and sends the editor to the new image', async () => {
    const session = await sessionFor(await createUser('author'))
    const id = await uploadedId(await upload({ session }))
    const page = parse(await (await editorFetch(`/editor/media/${id}`, { session })).text())
    expect(page.querySelector('h1')?.text).toBe('photo.jpg')
    expect(page.querySelector('#media-markdown')?.text).toMatch(/^!\[\]\(\/media\/[0-9a-f]{32}\)$/)
    const library = parse(await (await editorFetch('/editor/media', { session })).text())
    expect(library.querySelectorAll(`a[href="/editor/media/${id}"]`)).toHaveLength(1)
  })

  it('refuses two files where one is expected, next to the file field, storing nothing', async () => {
    const session = await sessionFor(await createUser('author'))
    const [a, b] = [uniqueJpeg(), uniqueJpeg()]
    const response = await upload({
      session,
      files: [
        { bytes: a, name: 'a.jpg' },
        { bytes: b, name: 'b.jpg' },
      ],
    })
    expect(response.status).toBe(400)
    const page = parse(await response.text())
    expect(page.querySelector('#media-file-error')?.text).toBe('Send one file at a time.')
    expect(page.querySelector('#media-file')?.getAttribute('aria-invalid')).toBe('true')
  })

  it('answers an htmx upload of a non-image with the form and its error', async () => {
    const session = await sessionFor(await createUser('author'))
    const response = await upload({
      session,
      htmx: true,
      files: [{ bytes: new TextEncoder().encode('GIF? no.'), name: 'cat.gif', type: 'image/gif' }],
    })
    expect(response.status).toBe(400)
    const fragment = parse(await response.text())
    expect(fragment.querySelector('form#media-upload')).not.toBeNull()
    expect(fragment.querySelector('#media-file-error')?.text).toMatch(
      /not a JPEG, PNG, WebP, AVIF or GIF/,
    )
  })

  it('refuses a file name with path characters next to the field', async () => {
    const session = await sessionFor(await createUser('author'))
    const response = await upload({
      session,
      files: [{ bytes: uniqueJpeg(), name: '..\\..\\x.jpg' }],
    })
    expect(response.status).toBe(400)
    const page = parse(await response.text())
    expect(page.querySelector('#media-file-error')?.text).toMatch(/path characters/)
  })

  it('answers an upload from the article form with the fields to fill in', async () => {
    const session = await sessionFor(await createUser('author'))
    const response = await upload({ session, htmx: true, fields: { purpose: 'hero' } })
    expect(response.status).toBe(200)
    const fill = parse(await response.text())
      .querySelector('[data-fill]')
      ?.getAttribute('data-fill')
    expect(JSON.parse(fill ?? '{}')).toMatchObject({
      image_url: expect.stringMatching(/^\/media\/[0-9a-f]{32}$/),
      image_width: '1000',
      image_height: '600',
    })
  })
})

describe('managing library images', () => {
  it('lets an author change only their own images, and records each change', async () => {
    const owner = await createUser('author')
    const id = await uploadedId(await upload({ session: await sessionFor(owner) }))
    const other = await sessionFor(await createUser('author'))
    const form = { alt: 'Fishing boats at dawn', caption: 'Tyre harbour', credit: 'Staff' }
    const refused = await editorFetch(`/editor/media/${id}`, { session: other, form })
    expect(refused.status).toBe(403)
    expect((await mediaRow(id))?.alt).toBe('')

    const editor = await createUser('editor')
    const saved = await editorFetch(`/editor/media/${id}`, {
      session: await sessionFor(editor),
      form,
    })
    expect(saved.status).toBe(200)
    expect(await mediaRow(id)).toMatchObject(form)
    const audits = await testDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'media'), eq(auditLog.targetId, String(id))))
    expect(audits.map((a) => [a.action, a.userId])).toEqual([
      ['media.upload', owner.id],
      ['media.update', editor.id],
    ])
  })

  it('refuses to delete an image a published article shows, and says where', async () => {
    const session = await sessionFor(await createUser('editor'))
    const id = await uploadedId(await upload({ session }))
    const row = await mediaRow(id)
    const article = await insertArticle({ bodyMd: `Look: ![](/media/${row?.key}/960.jpg)` })
    const response = await editorFetch(`/editor/media/${id}/delete`, { session, form: {} })
    expect(response.status).toBe(409)
    const page = parse(await response.text())
    expect(page.querySelector('.notice--error')?.text).toContain(article.title)
    expect(
      page.querySelector(`.media-uses a[href="/editor/articles/${article.id}"]`),
    ).not.toBeNull()
    expect(await mediaRow(id)).toBeDefined()
  })

  it('deletes an unused image: its row, its object and its cached variants', async () => {
    const session = await sessionFor(await createUser('author'))
    const id = await uploadedId(await upload({ session }))
    const key = (await mediaRow(id))?.key ?? ''
    await (
      await request(`/media/${key}/320.jpg`, { headers: { Accept: 'image/webp' } })
    ).arrayBuffer()
    const cacheKey = variantCacheKey(ORIGIN, key, 320, 'image/webp')
    expect(await caches.default.match(cacheKey)).toBeDefined()

    const response = await editorFetch(`/editor/media/${id}/delete`, { session, form: {} })
    expect(response.status).toBe(303)
    expect(await mediaRow(id)).toBeUndefined()
    expect(await mediaEnv().bucket.head(key)).toBeNull()
    expect(await caches.default.match(cacheKey)).toBeUndefined()
    expect((await request(`/media/${key}/320.jpg`)).status).toBe(404)
  })
})

describe('the Upload image control without JavaScript', () => {
  it('sends the editor to the image page, which gives the lead-image address to paste', async () => {
    const session = await sessionFor(await createUser('author'))
    const id = await uploadedId(await upload({ session, fields: { purpose: 'hero' } }))
    const key = (await mediaRow(id))?.key
    const page = parse(await (await editorFetch(`/editor/media/${id}`, { session })).text())
    const codes = page.querySelectorAll('code').map((code) => code.text)
    expect(codes).toContain(`/media/${key}`)
  })
})
