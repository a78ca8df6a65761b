// Arabic folding: one spelling for search whatever the tashkeel and hamza, and the same in SQL.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createClient } from '@libsql/client'
import { afterAll, describe, expect, it } from 'vitest'
import { foldArabic, foldArabicSql } from '../../../src/lib/arabic-fold'

const MIGRATION = resolve(import.meta.dirname, '../../../migrations/0013_arabic_search.sql')

/** Words as written with tashkeel or another hamza form, and the one form search uses. */
const CASES: [string, string][] = [
  ['مُحَمَّدٌ', 'محمد'],
  ['اتصالًا', 'اتصالا'],
  ['تُعدّ', 'تعد'],
  ['أحمد', 'احمد'],
  ['إيران', 'ايران'],
  ['آسيا', 'اسيا'],
  ['ٱلرحمن', 'الرحمن'],
  ['مستشفى', 'مستشفي'],
  ['مسؤول', 'مسوول'],
  ['رئيس', 'رييس'],
  ['الطاقة', 'الطاقه'],
  ['عـــربي', 'عربي'],
  // A decomposed أ (alef and a combining hamza above) folds as the precomposed one does.
  ['\u0627\u0654حمد', 'احمد'],
]

describe('foldArabic', () => {
  it.each(CASES)('folds %s to %s', (written, folded) => {
    expect(foldArabic(written)).toBe(folded)
  })

  it('leaves text in other scripts exactly as it was', () => {
    for (const text of ['Putin and Macron', 'Café e\u0301te', 'हिन्दी', '中文', '']) {
      expect(foldArabic(text)).toBe(text)
    }
  })

  it('keeps the standalone hamza and punctuation of Arabic text', () => {
    expect(foldArabic('سماء، «جديدة»؟')).toBe('سماء، «جديده»؟')
  })
})

describe('foldArabicSql', () => {
  const client = createClient({ url: ':memory:' })
  afterAll(() => client.close())

  it('folds in SQLite exactly as foldArabic does in JavaScript', async () => {
    const text = `${CASES.map(([written]) => written).join(' ')} English café`
    const { rows } = await client.execute({
      sql: `select ${foldArabicSql('?')} as f`,
      args: [text],
    })
    expect(rows[0]?.f).toBe(foldArabic(text))
  })

  it('is what the search migration indexes, for every column of every trigger', () => {
    const sql = readFileSync(MIGRATION, 'utf8')
    for (const row of ['new', 'old']) {
      for (const column of ['title', 'summary', 'body_md']) {
        expect(sql).toContain(foldArabicSql(`${row}.${column}`))
      }
    }
    expect(sql).toContain(foldArabicSql('articles.body_md'))
  })
})
