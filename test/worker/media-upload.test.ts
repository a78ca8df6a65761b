// The upload service inside workerd with the real R2 and Images bindings: what it stores and refuses.
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, media } from '../../src/db/schema'
import { toHex } from '../../src/lib/encoding'
import { AppError } from '../../src/lib/errors'
import { MEDIA_MAX_BYTES, type MediaStore, uploadMedia } from '../../src/services/media-upload'
import { createUser } from './editor-fixtures'
import { testDb } from './fixtures'
import { mediaEnv, sampleBytes, uniqueJpeg } from './media-fixtures'

function store(overrides: Partial<MediaStore> = {}): MediaStore {
  return { db: testDb(), ...mediaEnv(), ...overrides }
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`)
  return error
}

/** Neither a row nor an object for these bytes: the key is the first half of their SHA-256. */
async function expectNothingStored(bytes: ArrayBuffer) {
  const hash = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)))
  expect(await testDb().select().from(media).where(eq(media.contentHash, hash))).toEqual([])
  expect(await mediaEnv().bucket.head(hash.slice(0, 32))).toBeNull()
}

describe('uploading to the media library', () => {
  it('stores a JPEG under its content hash with its dimensions and an audit entry', async () => {
    const user = await createUser('author')
    const { media: row, created } = await uploadMedia(store(), user, {
      bytes: uniqueJpeg(),
      filename: 'harbour.jpg',
      alt: 'Boats in the harbour',
    })
    expect(created).toBe(true)
    expect(row).toMatchObject({
      type: 'image/jpeg',
      width: 1000,
      height: 600,
      alt: 'Boats in the harbour',
    })
    expect(row.key).toMatch(/^[0-9a-f]{32}$/)
    expect(row.contentHash.startsWith(row.key)).toBe(true)
    const object = await mediaEnv().bucket.head(row.key)
    expect(object?.size).toBe(row.bytes)
    expect(object?.httpMetadata?.contentType).toBe('image/jpeg')
    const audits = await testDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'media'), eq(auditLog.targetId, String(row.id))))
    expect(audits.map((a) => [a.action, a.targetType, a.userId])).toEqual([
      ['media.upload', 'media', user.id],
    ])
  })

  it('stores the same file once, however often it is uploaded', async () => {
    const user = await createUser('author')
    const bytes = uniqueJpeg()
    const first = await uploadMedia(store(), user, { bytes, filename: 'a.jpg' })
    const second = await uploadMedia(store(), user, { bytes, filename: 'b.jpg' })
    expect(second.created).toBe(false)
    expect(second.media.id).toBe(first.media.id)
    const rows = await testDb()
      .select()
      .from(media)
      .where(eq(media.contentHash, first.media.contentHash))
    expect(rows).toHaveLength(1)
  })

  it('applies the EXIF orientation and stores no EXIF or GPS metadata', async () => {
    const user = await createUser('author')
    const original = uniqueJpeg('rotatedJpeg')
    expect(new TextDecoder('latin1').decode(original)).toContain('Exif')
    const { media: row } = await uploadMedia(store(), user, { bytes: original, filename: 'r.jpg' })
    expect([row.width, row.height]).toEqual([40, 80])
    const stored = await (await mediaEnv().bucket.get(row.key))?.arrayBuffer()
    const text = new TextDecoder('latin1').decode(stored)
    expect(text).not.toContain('Exif')
    expect(text).not.toContain('SampleCam')
  })

  it.each([
    ['png', 'image/png'],
    ['webp', 'image/webp'],
    ['avif', 'image/avif'],
    ['gif', 'image/png'],
  ] as const)('accepts %s and stores it as %s', async (name, stored) => {
    const user = await createUser('author')
    const bytes = sampleBytes(name)
    const existing = await testDb().select().from(media).where(eq(media.bytes, -1))
    expect(existing).toHaveLength(0)
    const { media: row } = await uploadMedia(store(), user, {
      bytes: bytes.slice().buffer,
      filename: `x.${name}`,
    })
    expect(row.type).toBe(stored)
    expect([row.width, row.height]).toEqual([40, 30])
  })

  describe('refusing bad input, with nothing stored', () => {
    async function expectRefused(
      upload: { bytes: ArrayBuffer; filename?: string },
      code: string,
      message: RegExp,
    ) {
      const user = await createUser('author')
      const error = await refusal(uploadMedia(store(), user, { filename: 'photo.jpg', ...upload }))
      expect(error.code).toBe(code)
      expect(error.message).toMatch(message)
      await expectNothingStored(upload.bytes)
    }

    it('refuses a truncated JPEG', async () => {
      const whole = new Uint8Array(uniqueJpeg())
      await expectRefused(
        { bytes: whole.slice(0, Math.floor(whole.length / 2)).buffer },
        'INVALID',
        /damaged or incomplete/,
      )
    })

    it('refuses a file named .jpg that is not an image', async () => {
      const bytes = new TextEncoder().encode('Not a picture at all, just words.')
        .buffer as ArrayBuffer
      await expectRefused({ bytes }, 'INVALID', /not a JPEG, PNG, WebP, AVIF or GIF image/)
    })

    it('refuses a file that starts like a JPEG but holds no image', async () => {
      const bytes = new Uint8Array([
        0xff,
        0xd8,
        0xff,
        0xe0,
        ...new TextEncoder().encode(crypto.randomUUID()),
      ])
      await expectRefused({ bytes: bytes.buffer }, 'INVALID', /could not be read|damaged/)
    })

    it('refuses SVG, because it can carry script', async () => {
      const svg =
        '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
      await expectRefused(
        { bytes: new TextEncoder().encode(svg).buffer as ArrayBuffer, filename: 'x.png' },
        'INVALID',
        /SVG/,
      )
    })

    it('refuses a 50-megapixel image bomb before decoding it', async () => {
      await expectRefused(
        { bytes: sampleBytes('bombPng').slice().buffer, filename: 'bomb.png' },
        'TOO_LARGE',
        /10000×5000 \(50 megapixels\)/,
      )
    })

    it('refuses a file name with path characters', async () => {
      await expectRefused(
        { bytes: uniqueJpeg(), filename: '../../etc/photo.jpg' },
        'INVALID',
        /path characters/,
      )
    })

    it('refuses a file over 20 MB and an empty one', async () => {
      await expectRefused({ bytes: new ArrayBuffer(MEDIA_MAX_BYTES + 1) }, 'TOO_LARGE', /20 MB/)
      await expectRefused({ bytes: new ArrayBuffer(0) }, 'INVALID', /empty/)
    })

    it('removes the stored object again when the row cannot be written', async () => {
      const user = await createUser('author')
      const bytes = uniqueJpeg()
      const db = testDb()
      const failing = new Proxy(db, {
        get: (target, name) =>
          name === 'batch'
            ? () => Promise.reject(new Error('database down'))
            : Reflect.get(target, name),
      })
      await expect(
        uploadMedia(store({ db: failing }), user, { bytes: uniqueJpeg(), filename: 'a.jpg' }),
      ).rejects.toThrow('database down')
      await expectNothingStored(bytes)
    })
  })
})
