// Serving library images: fixed widths, formats negotiated from Accept, a year of caching, Range.
import { beforeAll, describe, expect, it } from 'vitest'
import { uploadMedia } from '../../src/services/media-upload'
import { createUser } from './editor-fixtures'
import { testDb } from './fixtures'
import { request } from './helpers'
import { mediaEnv, uniqueJpeg } from './media-fixtures'

let key = ''

beforeAll(async () => {
  const user = await createUser('author')
  const uploaded = await uploadMedia({ db: testDb(), ...mediaEnv() }, user, {
    bytes: uniqueJpeg(),
    filename: 'harbour.jpg',
  })
  key = uploaded.media.key
})

async function widthOf(response: Response): Promise<number> {
  const info = await mediaEnv().images.info(response.body as ReadableStream<Uint8Array>)
  return 'width' in info ? info.width : 0
}

const ACCEPT = {
  chromium: 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8',
  webpOnly: 'image/webp,*/*',
  old: 'image/png,image/*;q=0.8',
}

describe('media variants', () => {
  it.each([
    [ACCEPT.chromium, 'image/avif'],
    [ACCEPT.webpOnly, 'image/webp'],
    [ACCEPT.old, 'image/jpeg'],
  ])('answers Accept %s with %s, resized to the asked width', async (accept, type) => {
    const response = await request(`/media/${key}/640.jpg`, { headers: { Accept: accept } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(type)
    expect(response.headers.get('vary')).toBe('Accept')
    expect(await widthOf(response)).toBe(640)
  })

  it('lets other sites show the photos: embeds and feed readers load them cross-origin', async () => {
    const response = await request(`/media/${key}/960.jpg`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    await response.arrayBuffer()
  })

  it('never enlarges: a width beyond the original gives the original width', async () => {
    const response = await request(`/media/${key}/1600.webp`)
    expect(response.headers.get('content-type')).toBe('image/webp')
    expect(await widthOf(response)).toBe(1000)
  })

  it('refuses a width outside the fixed set with 400, before reading anything', async () => {
    const response = await request(`/media/${key}/500.jpg`)
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('320, 480, 640, 960, 1200, 1600')
  })

  it('answers 404 for an unknown key and for anything that is not a key', async () => {
    expect((await request(`/media/${'0'.repeat(32)}/640.jpg`)).status).toBe(404)
    expect((await request('/media/..%2f..%2fsecret/640.jpg')).status).toBe(404)
    expect((await request(`/media/${'0'.repeat(32)}/original`)).status).toBe(404)
  })

  it('caches each negotiated format under its own key, for a year, immutable, with an ETag', async () => {
    const first = await request(`/media/${key}/320.jpg`, { headers: { Accept: ACCEPT.chromium } })
    await first.arrayBuffer()
    expect(first.headers.get('x-cache')).toBe('MISS')
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^".+"$/)

    const again = await request(`/media/${key}/320.jpg`, { headers: { Accept: ACCEPT.chromium } })
    expect(again.headers.get('x-cache')).toBe('HIT')
    expect(again.headers.get('content-type')).toBe('image/avif')
    await again.arrayBuffer()

    const jpeg = await request(`/media/${key}/320.jpg`, { headers: { Accept: ACCEPT.old } })
    expect(jpeg.headers.get('x-cache')).toBe('MISS')
    expect(jpeg.headers.get('content-type')).toBe('image/jpeg')
    expect(jpeg.headers.get('etag')).not.toBe(etag)
    await jpeg.arrayBuffer()

    const revalidated = await request(`/media/${key}/320.jpg`, {
      headers: { Accept: ACCEPT.chromium, 'If-None-Match': etag },
    })
    expect(revalidated.status).toBe(304)
  })
})

describe('media originals', () => {
  it('serves the whole original, or the byte range asked for', async () => {
    const whole = await request(`/media/${key}/original`)
    expect(whole.status).toBe(200)
    expect(whole.headers.get('accept-ranges')).toBe('bytes')
    const bytes = new Uint8Array(await whole.arrayBuffer())

    const part = await request(`/media/${key}/original`, { headers: { Range: 'bytes=10-109' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 10-109/${bytes.length}`)
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.subarray(10, 110))
  })

  it('answers a range past the end with 416', async () => {
    const response = await request(`/media/${key}/original`, {
      headers: { Range: 'bytes=99999999-' },
    })
    expect(response.status).toBe(416)
  })
})
