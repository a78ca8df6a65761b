// Article input: the one schema for form and API, its field messages, and reading the form.
import { describe, expect, it } from 'vitest'
import { formToInput, readArticleForm, splitList } from '../../../src/services/editorial-form'
import { InvalidFields, isImageUrl, parseArticleInput } from '../../../src/services/editorial-input'

function fieldsOf(input: unknown): Record<string, string> {
  try {
    parseArticleInput(input)
  } catch (error) {
    if (error instanceof InvalidFields) return error.fields
    throw error
  }
  return {}
}

describe('article input', () => {
  it('trims, lowercases slugs, fills defaults and turns an empty image address into none', () => {
    const input = parseArticleInput({
      title: '  Storm  ',
      slug: ' Storm-Coast ',
      category: 'economy',
      imageUrl: '',
    })
    expect(input).toMatchObject({
      title: 'Storm',
      slug: 'storm-coast',
      summary: '',
      bodyMd: '',
      tags: [],
      imageUrl: null,
      imageWidth: null,
      commentsClosed: false,
      related: [],
    })
    expect(input.language).toBeUndefined()
  })

  it('names each field at fault with a message a person can act on', () => {
    expect(
      fieldsOf({
        title: 'x'.repeat(201),
        slug: 'two--hyphens',
        category: '',
        tags: Array.from({ length: 21 }, (_, i) => `t${i}`),
        imageUrl: 'data:image/png;base64,AAAA',
        imageWidth: 0,
        language: 'English',
        related: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      }),
    ).toEqual({
      title: 'The title can be at most 200 characters.',
      slug: 'Use lowercase letters, digits and single hyphens, like "storm-reaches-coast".',
      category: 'Choose a section.',
      tags: 'An article can have at most 20 tags.',
      imageUrl: 'The image address must start with https:// or / (this site).',
      imageWidth: 'The image width must be at least 1 pixel.',
      language: 'Use a language code such as en, ar or fr-CA.',
      related: 'Pin at most 6 related articles.',
    })
    expect(fieldsOf({ title: 'T', category: 'c', imageUrl: '/images/x.png' })).toEqual({
      imageAlt: 'Describe the image for readers who cannot see it.',
    })
  })

  it('accepts only https and same-site image addresses', () => {
    expect(isImageUrl('https://cdn.example/a.jpg')).toBe(true)
    expect(isImageUrl('/images/a.svg')).toBe(true)
    for (const bad of [
      '//evil.example/a.png',
      'javascript:alert(1)',
      'data:image/png;base64,x',
      'ftp://x/y',
      'https:// x',
    ]) {
      expect(isImageUrl(bad)).toBe(false)
    }
  })

  it('reads the posted form into the API shape, keeping what was typed', () => {
    const values = readArticleForm({
      title: 'T',
      body_md: 'a\r\nb',
      tags: 'One, two ,\nthree,,',
      image_width: '640',
      image_height: '',
      comments_closed: 'on',
      related: 'x-1, y-2',
      unknown: 'ignored',
    })
    expect(values.bodyMd).toBe('a\nb')
    expect(values.commentsClosed).toBe(true)
    expect(formToInput(values)).toMatchObject({
      tags: ['One', 'two', 'three'],
      imageWidth: 640,
      imageHeight: null,
      related: ['x-1', 'y-2'],
      language: undefined,
    })
    expect(splitList(' , ')).toEqual([])
  })
})
