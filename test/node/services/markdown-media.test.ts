// Library images in Markdown get their stored sizes at save time: srcset, sizes, width and height.
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { media } from '../../../src/db/schema'
import { renderMarkdown } from '../../../src/services/markdown'
import { findMediaKeys, renderMarkdownWithMedia } from '../../../src/services/markdown-media'
import { absolutizeBodyUrls } from '../../../src/services/markdown-media-absolute'
import { freshDb } from '../db/fresh-db'

const KEY = 'ab'.repeat(16)
const OTHER = 'cd'.repeat(16)
const sizes = new Map([[KEY, { width: 1000, height: 750 }]])

function imageOf(html: string) {
  const image = parse(html).querySelector('img')
  if (!image) throw new Error(`no image in ${html}`)
  return image
}

describe('a library image in Markdown with its stored size', () => {
  it('gets a srcset over the fixed widths up to the original, sizes, width, height, lazy and async', () => {
    const image = imageOf(renderMarkdown(`![Boats at dawn](/media/${KEY})`, { media: sizes }))
    expect(image.getAttribute('src')).toBe(`/media/${KEY}/960.jpg`)
    expect(image.getAttribute('srcset')).toBe(
      [320, 480, 640, 960].map((w) => `/media/${KEY}/${w}.jpg ${w}w`).join(', '),
    )
    expect(image.getAttribute('sizes')).toBe('(min-width: 48rem) 42rem, calc(100vw - 2rem)')
    expect(image.getAttribute('width')).toBe('1000')
    expect(image.getAttribute('height')).toBe('750')
    expect(image.getAttribute('loading')).toBe('lazy')
    expect(image.getAttribute('decoding')).toBe('async')
    expect(image.getAttribute('alt')).toBe('Boats at dawn')
  })

  it('keeps a pasted variant as its src and offers no width above it', () => {
    const image = imageOf(renderMarkdown(`![x](/media/${KEY}/480.jpg)`, { media: sizes }))
    expect(image.getAttribute('src')).toBe(`/media/${KEY}/480.jpg`)
    expect(image.getAttribute('srcset')).toBe(
      `/media/${KEY}/320.jpg 320w, /media/${KEY}/480.jpg 480w`,
    )
    expect(image.getAttribute('width')).toBe('1000')
  })

  it('leaves an unknown key a plain image, without srcset or size, and no error', () => {
    const image = imageOf(renderMarkdown(`![x](/media/${OTHER})`, { media: sizes }))
    expect(image.getAttribute('src')).toBe(`/media/${OTHER}/960.jpg`)
    for (const name of ['srcset', 'sizes', 'width', 'height']) {
      expect(image.getAttribute(name)).toBeUndefined()
    }
  })

  it('gives external images and look-alike paths nothing of the library', () => {
    for (const src of [
      `https://example.com/media/${KEY}`,
      `/media/${KEY}/original`,
      `/media/${KEY}x`,
      `/other/media/${KEY}`,
    ]) {
      const image = parse(renderMarkdown(`![x](${src})`, { media: sizes })).querySelector('img')
      expect(image?.getAttribute('srcset')).toBeUndefined()
      expect(image?.getAttribute('width')).toBeUndefined()
    }
  })

  it('lets no width or height through the sanitiser but plain numbers', () => {
    const bad = new Map([[KEY, { width: Number.NaN, height: -3 }]])
    const image = imageOf(renderMarkdown(`![x](/media/${KEY})`, { media: bad }))
    expect(image.getAttribute('width') || null).toBeNull()
    expect(image.getAttribute('height') || null).toBeNull()
  })
})

describe('looking the keys up at save time', () => {
  it('finds each key of a body once', () => {
    const body = `![a](/media/${KEY}) text /media/${OTHER}/640.jpg and ![b](/media/${KEY})`
    expect(findMediaKeys(body)).toEqual([KEY, OTHER])
  })

  it('renders with the sizes stored in the media table', async () => {
    const db = await freshDb()
    await db.insert(media).values({
      key: KEY,
      contentHash: 'h'.repeat(64),
      type: 'image/jpeg',
      bytes: 1234,
      width: 1600,
      height: 900,
    })
    const html = await renderMarkdownWithMedia(db, `![a](/media/${KEY})\n\n![b](/media/${OTHER})`)
    const [known, unknown] = parse(html).querySelectorAll('img')
    expect(known?.getAttribute('width')).toBe('1600')
    expect(known?.getAttribute('height')).toBe('900')
    expect(known?.getAttribute('srcset')?.split(', ')).toHaveLength(6)
    expect(unknown?.getAttribute('srcset')).toBeUndefined()
  })
})

describe('a stored body in a feed', () => {
  it('gets absolute image, srcset and link addresses, leaving other sites and // alone', () => {
    const html = renderMarkdown(
      `![a](/media/${KEY}) [in](/news/x) [out](https://example.com/) ![b](https://example.com/b.png)`,
      { media: sizes },
    )
    const body = parse(absolutizeBodyUrls(html, 'https://news.example/'))
    const [library, external] = body.querySelectorAll('img')
    expect(library?.getAttribute('src')).toBe(`https://news.example/media/${KEY}/960.jpg`)
    for (const entry of library?.getAttribute('srcset')?.split(', ') ?? []) {
      expect(entry).toMatch(/^https:\/\/news\.example\/media\/[0-9a-f]{32}\/\d+\.jpg \d+w$/)
    }
    expect(external?.getAttribute('src')).toBe('https://example.com/b.png')
    expect(body.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      'https://news.example/news/x',
      'https://example.com/',
    ])
  })
})
