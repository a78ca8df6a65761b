// Library images in an article's Markdown: a srcset of the library's own variants, and nothing else.
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../src/services/markdown'

const KEY = 'ab'.repeat(16)

describe('library images in the body', () => {
  it('gets a srcset of every fixed width up to the pasted one, sizes, and stays lazy', () => {
    const image = parse(renderMarkdown(`![Boats](/media/${KEY}/640.jpg)`)).querySelector('img')
    expect(image?.getAttribute('srcset')).toBe(
      [320, 480, 640].map((w) => `/media/${KEY}/${w}.jpg ${w}w`).join(', '),
    )
    expect(image?.getAttribute('sizes')).toBeTruthy()
    expect(image?.getAttribute('loading')).toBe('lazy')
  })

  it('leaves other images and made-up widths without a srcset', () => {
    for (const src of ['/images/x.png', `/media/${KEY}/500.jpg`, `/media/${KEY}/640.webp`]) {
      const image = parse(renderMarkdown(`![x](${src})`)).querySelector('img')
      expect(image?.getAttribute('srcset')).toBeUndefined()
    }
  })
})
