// The forms an Arabic word takes with the article and the conjunctions written joined to it.

/**
 * What Lucene's Arabic light stemmer strips, longest first: the article with و، ب، ك، ف or ل
 * before it, the article alone, and the conjunction و. A single ب، ل، ك or ف is left alone: too
 * many words begin with those letters (بطاقة is a card, not ب + طاقة).
 */
const PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و'] as const

/** Shorter stems would join unrelated words; such a word is searched only as written. */
const MIN_STEM = 3

const ARABIC_WORD = /^\p{Script=Arabic}+$/u

/**
 * Every form search should match for a folded Arabic word (lib/arabic-fold.ts): the word, its
 * stem with one prefix stripped, and each of those with every prefix joined on, so الطاقه finds
 * طاقه, والطاقه and للطاقه, and طاقه finds الطاقه. A و that begins the word may be its own first
 * letter (وزير), so the word as written is expanded as well as its stem. Other words: just [word].
 */
export function arabicWordForms(word: string): string[] {
  if (!ARABIC_WORD.test(word)) return [word]
  const prefix = PREFIXES.find(
    (candidate) => word.startsWith(candidate) && length(word) - candidate.length >= MIN_STEM,
  )
  const stem = prefix ? word.slice(prefix.length) : word
  // Only a leading و may be the word's own first letter; the article never is.
  const bases = prefix === 'و' ? [word, stem] : [stem]
  const forms = new Set<string>([word])
  for (const base of bases) {
    if (length(base) < MIN_STEM) continue
    forms.add(base)
    for (const prefix of PREFIXES) forms.add(`${prefix}${base}`)
  }
  return [...forms]
}

const length = (text: string) => [...text].length
