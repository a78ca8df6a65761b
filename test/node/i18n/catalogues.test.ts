// Message catalogues: complete against English, plural forms per language, digits per edition.
import { describe, expect, it } from 'vitest'
import { CATALOGUES } from '../../../src/lib/i18n/catalogues'
import { en, type Message } from '../../../src/lib/i18n/en'
import { createI18n } from '../../../src/lib/i18n/i18n'

const slots = (message: Message) =>
  [...new Set(Object.values(typeof message === 'string' ? { other: message } : message))]
    .flatMap((text) => text.match(/\{\w+\}/g) ?? [])
    .filter((slot) => slot !== '{count}')
    .sort()

describe('message catalogues', () => {
  for (const [code, catalogue] of Object.entries(CATALOGUES)) {
    it(`${code} has every key English has, with the same slots`, () => {
      const missing = Object.keys(en).filter((key) => !(key in catalogue))
      expect(missing).toEqual([])
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect([key, [...new Set(slots(catalogue[key]))]]).toEqual([
          key,
          [...new Set(slots(en[key]))],
        ])
      }
    })

    it(`${code} gives every plural message each form its language has`, () => {
      const forms = new Intl.PluralRules(code).resolvedOptions().pluralCategories
      for (const message of Object.values(catalogue)) {
        if (typeof message === 'string') continue
        expect(Object.keys(message).sort()).toEqual([...forms].sort())
      }
    })
  }

  it('fails for a catalogue that misses a key', () => {
    const { 'story.related': _dropped, ...partial } = en
    expect(Object.keys(en).filter((key) => !(key in partial))).toEqual(['story.related'])
  })

  it('picks the Arabic plural form by count, in the configured digits', () => {
    const arab = createI18n({
      code: 'ar',
      locale: 'ar-LB',
      digits: 'arab',
      prefix: '/ar',
      dir: 'rtl',
    })
    const latn = createI18n({
      code: 'ar',
      locale: 'ar-LB',
      digits: 'latn',
      prefix: '/ar',
      dir: 'rtl',
    })
    expect([0, 1, 2, 3, 11, 100].map((count) => arab.t('comments.count', { count }))).toEqual([
      'لا تعليقات',
      'تعليق واحد',
      'تعليقان',
      '٣ تعليقات',
      '١١ تعليقًا',
      '١٠٠ تعليق',
    ])
    expect(latn.t('comments.count', { count: 3 })).toBe('3 تعليقات')
  })

  it('writes the Arabic header date with Arabic month names', () => {
    const ar = createI18n({
      code: 'ar',
      locale: 'ar-LB',
      digits: 'latn',
      prefix: '/ar',
      dir: 'rtl',
    })
    expect(ar.longDate(new Date('2025-07-02T01:22:00Z'), 'Asia/Beirut')).toBe(
      'الأربعاء، 2 تموز 2025',
    )
  })
})
