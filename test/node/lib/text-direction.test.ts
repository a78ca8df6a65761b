// textDirection: the one rule the site layout and the embeds share for `dir`.
import { describe, expect, it } from 'vitest'
import { textDirection } from '../../../src/lib/text-direction'

describe('textDirection', () => {
  it('runs Arabic, Hebrew, Persian and Urdu right to left, whatever the region or case', () => {
    for (const lang of ['ar', 'ar-LB', 'AR', 'he', 'fa-IR', 'ur']) {
      expect(textDirection(lang), lang).toBe('rtl')
    }
  })

  it('runs every other language left to right', () => {
    for (const lang of ['en', 'en-GB', 'fr', 'arn', ''])
      expect(textDirection(lang), lang).toBe('ltr')
  })
})
