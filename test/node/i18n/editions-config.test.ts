// EDITIONS: parsing the edition list, and finding a request path's edition.
import { describe, expect, it } from 'vitest'
import {
  editionPath,
  findEditionOfPath,
  intlLocale,
  parseEditionList,
} from '../../../src/lib/editions'

describe('edition config', () => {
  it('makes the first edition the default at / and the others prefixed, Arabic right to left', () => {
    const { editions, problems } = parseEditionList('en:en-GB:latn ar:ar-LB:arab, fr')
    expect(problems).toEqual([])
    expect(editions.map((e) => [e.code, e.locale, e.digits, e.prefix, e.dir])).toEqual([
      ['en', 'en-GB', 'latn', '', 'ltr'],
      ['ar', 'ar-LB', 'arab', '/ar', 'rtl'],
      ['fr', 'fr', 'latn', '/fr', 'ltr'],
    ])
  })

  it('reports a bad code, locale, digit system or a duplicate by name', () => {
    const { problems } = parseEditionList('en EN:xx_!:latn ar:ar:roman en')
    expect(problems).toEqual([
      'EDITIONS: "EN" is not a language code',
      'EDITIONS: "xx_!" is not a locale',
      'EDITIONS: digits must be one of latn, arab',
      'EDITIONS: "en" is listed twice',
    ])
  })

  it('finds the edition of a prefixed path and leaves the default edition unprefixed', () => {
    const { editions } = parseEditionList('en ar')
    expect(findEditionOfPath(editions, '/ar/category/world')?.rest).toBe('/category/world')
    expect(findEditionOfPath(editions, '/ar')?.rest).toBe('/')
    expect(findEditionOfPath(editions, '/arabic-news')).toBeUndefined()
    expect(findEditionOfPath(editions, '/category/world')).toBeUndefined()
    expect(editionPath(editions[1] as never, '/')).toBe('/ar/')
    expect(editionPath(editions[0] as never, '/search')).toBe('/search')
  })

  it('carries the digit choice to Intl', () => {
    const arab = intlLocale({ locale: 'ar-LB', digits: 'arab' })
    const latn = intlLocale({ locale: 'ar-LB', digits: 'latn' })
    expect(new Intl.NumberFormat(arab).format(12)).toBe('١٢')
    expect(new Intl.NumberFormat(latn).format(12)).toBe('12')
  })
})
