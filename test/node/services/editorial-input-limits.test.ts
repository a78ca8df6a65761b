// Article input shares the renderer's rules: its body bounds and its idea of where an image lives.
import { describe, expect, it } from 'vitest'
import { BODY_MAX } from '../../../src/lib/article-input-limits'
import { InvalidFields, parseArticleInput } from '../../../src/services/editorial-input'

function fieldsOf(input: Record<string, unknown>): Record<string, string> {
  try {
    parseArticleInput({ title: 'T', category: 'economy', ...input })
  } catch (error) {
    if (error instanceof InvalidFields) return error.fields
    throw error
  }
  return {}
}

describe('article input against the renderer', () => {
  it.each([
    '/\\evil.example/x.png',
    '\\\\evil.example/x.png',
    '/\\/evil.example/x.png',
    '/\t/evil.example/x.png',
  ])('refuses the image address %j, which a browser reads as another host', (imageUrl) => {
    expect(fieldsOf({ imageUrl, imageAlt: 'x' })).toEqual({
      imageUrl: 'The image address must start with https:// or / (this site).',
    })
  })

  it('stores an image address as a browser reads it', () => {
    const input = parseArticleInput({
      title: 'T',
      category: 'economy',
      imageUrl: '/images\\placeholders\\globe.svg',
      imageAlt: 'A globe',
    })
    expect(input.imageUrl).toBe('/images/placeholders/globe.svg')
  })

  it('refuses a body the renderer would refuse, with the renderer’s message', () => {
    expect(fieldsOf({ bodyMd: 'a'.repeat(BODY_MAX + 1) }).bodyMd).toContain(String(BODY_MAX))
    expect(fieldsOf({ bodyMd: '>'.repeat(50_000) }).bodyMd).toContain('too much formatting')
    expect(fieldsOf({ bodyMd: `${'> '.repeat(12)}deep` }).bodyMd).toContain('deep')
    expect(fieldsOf({ bodyMd: 'a'.repeat(BODY_MAX) })).toEqual({})
  })
})
