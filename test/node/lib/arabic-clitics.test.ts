// Arabic word forms: the article and و joined on or stripped, other words left as they are.
import { describe, expect, it } from 'vitest'
import { arabicWordForms } from '../../../src/lib/arabic-clitics'

describe('arabicWordForms', () => {
  it('gives a bare word its forms with the article, و and the joined prepositions before it', () => {
    expect(arabicWordForms('طاقه').sort()).toEqual(
      ['طاقه', 'الطاقه', 'والطاقه', 'بالطاقه', 'كالطاقه', 'فالطاقه', 'للطاقه', 'وطاقه'].sort(),
    )
  })

  it('strips one prefix to find the stem, so every joined form finds the others', () => {
    for (const word of ['الطاقه', 'والطاقه', 'بالطاقه', 'للطاقه']) {
      expect(arabicWordForms(word), word).toEqual(
        expect.arrayContaining([word, 'طاقه', 'الطاقه', 'والطاقه', 'للطاقه']),
      )
    }
  })

  it('keeps a leading و as a possible first letter of the word itself', () => {
    expect(arabicWordForms('وزير')).toEqual(expect.arrayContaining(['وزير', 'الوزير', 'زير']))
  })

  it('leaves single ب ل ك ف, short words and other scripts alone', () => {
    expect(arabicWordForms('بطاقه')).not.toContain('طاقه')
    expect(arabicWordForms('من')).toEqual(['من'])
    expect(arabicWordForms('في')).toEqual(['في'])
    expect(arabicWordForms('Putin')).toEqual(['Putin'])
    expect(arabicWordForms('2025')).toEqual(['2025'])
  })
})
