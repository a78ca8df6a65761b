// The FTS5 query sanitiser: every input becomes a valid MATCH expression built only of quoted words.
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalizeSearchInput, toFtsQuery } from '../../../src/services/search-query'

const HOSTILE_INPUTS = [
  '"',
  '""',
  "'",
  '*',
  '***',
  'NEAR(',
  'NEAR(a b, 3)',
  'a OR',
  'OR',
  'AND',
  'NOT',
  'a NOT b',
  '(((',
  ')))',
  '(a OR b',
  'title:x',
  'summary : x',
  '{title body}: x',
  '^x',
  '-x',
  'x -',
  'a-b-c',
  'x*',
  '"unbalanced',
  'back\\slash',
  'semi;colon --',
  '%_',
  '😀',
  '😀 rocket',
  'مرحبا بالعالم',
  'हिन्दी',
  'e\u0301',
  '\u0301',
  '\uE000marker\uE001',
  '中文搜索',
  '\u0000nul',
  'a\nb\tc',
]

describe('toFtsQuery', () => {
  it('quotes every word, so operators and filters in the input are only words', () => {
    expect(toFtsQuery('title:x OR y')).toBe('"title" "x" "OR" "y"')
    expect(toFtsQuery('NEAR(a b)')).toBe('"NEAR" "a" "b"')
    expect(toFtsQuery('^start -minus*')).toBe('"start" "minus"')
  })

  it('matches the last word as a prefix only as you type, and only mid-word', () => {
    const asYouType = { asYouType: true }
    expect(toFtsQuery('putin macr', asYouType)).toBe('"putin" "macr"*')
    expect(toFtsQuery('putin macron ', asYouType)).toBe('"putin" "macron"')
    expect(toFtsQuery('putin macron.', asYouType)).toBe('"putin" "macron"')
    expect(toFtsQuery('putin ma', asYouType)).toBe('"putin"')
    expect(toFtsQuery('ma', asYouType)).toBe('"ma"')
    expect(toFtsQuery('putin macr')).toBe('"putin" "macr"')
  })

  it('returns null when nothing in the input is searchable', () => {
    for (const input of ['', '   ', '***', '"', '(((', '😀', '-', '\u0301']) {
      expect(toFtsQuery(input)).toBeNull()
    }
  })

  it('keeps letters, digits and combining marks of any script in one word', () => {
    // Each Arabic word stays whole, first in the group of its forms with the article or و.
    expect(toFtsQuery('مرحبا بالعالم')).toMatch(
      /^\("مرحبا" OR [^()]*\) AND \("بالعالم" OR [^()]*\)$/,
    )
    expect(toFtsQuery('हिन्दी')).toBe('"हिन्दी"')
    expect(toFtsQuery('covid19 2024')).toBe('"covid19" "2024"')
  })

  it('drops repeated words and caps the number of terms', () => {
    expect(toFtsQuery('beirut Beirut port')).toBe('"Beirut" "port"')
    const many = Array.from({ length: 30 }, (_, index) => `word${index}`).join(' ')
    const query = toFtsQuery(many, { asYouType: true }) ?? ''
    expect(query.split(' ')).toHaveLength(12)
    expect(query).not.toContain('*')
  })
})

describe('normalizeSearchInput', () => {
  it('trims and collapses whitespace, and treats a missing value as empty', () => {
    expect(normalizeSearchInput('  macron \n\t putin ')).toBe('macron putin')
    expect(normalizeSearchInput(undefined)).toBe('')
  })
})

describe('toFtsQuery against a real FTS5 index', () => {
  const client = createClient({ url: ':memory:' })

  beforeAll(async () => {
    await client.execute(
      `create virtual table docs using fts5(title, body, tokenize='porter unicode61 remove_diacritics 2')`,
    )
    await client.execute(
      `insert into docs values ('Putin and Macron talk', 'Café owners in Beirut: مرحبا بالعالم, हिन्दी, a-b-c')`,
    )
  })
  afterAll(() => client.close())

  async function match(query: string) {
    return client.execute({ sql: 'select rowid from docs where docs match ?', args: [query] })
  }

  it.each(HOSTILE_INPUTS)('turns %j into a query FTS5 accepts, or into nothing', async (input) => {
    for (const asYouType of [false, true]) {
      const query = toFtsQuery(input, { asYouType })
      if (query === null) {
        // Only input without a letter or digit to search for may come back empty.
        expect(input).not.toMatch(/[\p{L}\p{N}]{2}/u)
        continue
      }
      const result = await match(query)
      expect(Array.isArray(result.rows), query).toBe(true)
    }
  })

  it('keeps something searchable from most of the hostile inputs', () => {
    const searchable = HOSTILE_INPUTS.filter((input) => toFtsQuery(input) !== null)
    expect(searchable.length).toBeGreaterThan(HOSTILE_INPUTS.length / 2)
  })

  it('accepts random punctuation soup without a syntax error', async () => {
    const alphabet = ['"', "'", '*', '(', ')', ':', '^', '-', '+', '{', '}', ' ', 'a', 'OR', 'NEAR']
    let seed = 7
    const next = () => {
      seed = (seed * 48271) % 2147483647
      return seed
    }
    let matched = 0
    for (let round = 0; round < 200; round++) {
      const input = Array.from({ length: 12 }, () => alphabet[next() % alphabet.length]).join('')
      const query = toFtsQuery(input, { asYouType: round % 2 === 0 })
      if (query === null) continue
      const result = await match(query)
      expect(Array.isArray(result.rows), input).toBe(true)
      matched++
    }
    // The soup contains words ('a', 'OR', 'NEAR'), so most rounds must reach FTS5 at all.
    expect(matched).toBeGreaterThan(100)
  })

  it('still finds what the words name', async () => {
    for (const input of ['macron putin', 'cafe', 'beirut:', 'مرحبا', 'हिन्दी', 'a-b-c']) {
      const result = await match(toFtsQuery(input) ?? '')
      expect(result.rows, input).toHaveLength(1)
    }
    expect((await match(toFtsQuery('Mac') ?? '')).rows).toHaveLength(0)
    expect((await match(toFtsQuery('Mac', { asYouType: true }) ?? '')).rows).toHaveLength(1)
  })
})
