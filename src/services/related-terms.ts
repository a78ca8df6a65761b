// The words of a headline and summary that say what a story is about, for related-news scoring.
import type { RelatedDoc } from './related'

// Words that say nothing about a story's subject, so two headlines sharing them are not related.
const STOP_WORDS = new Set(
  `about above after again against all also amid among and any are around because been before
  being between both but can could did does during each for from further had has have her here
  his how into its just last like made make many more most much new news not now off once only
  other our out over own said same says she should since some such than that the their them then
  there these they this those through under until very was were what when where which while who
  why will with would year years you your report reports week day today yesterday according
  told`.split(/\s+/),
)

/** Lowercase word set of a text: letters and digits only, no stop words, no short or bare numbers. */
export function extractTerms(text: string): Set<string> {
  const terms = new Set<string>()
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word.length >= 3 && !STOP_WORDS.has(word) && !/^\d+$/.test(word)) terms.add(word)
  }
  return terms
}

/** The words of an article that scoring compares. */
export type TermsOf = (doc: Pick<RelatedDoc, 'id' | 'title' | 'summary'>) => Set<string>

/** Terms of title and summary, worked out once per article however many lists it is scored for. */
export function memoizeTerms(): TermsOf {
  const cache = new Map<number, Set<string>>()
  return (doc) => {
    const known = cache.get(doc.id)
    if (known) return known
    const terms = extractTerms(`${doc.title} ${doc.summary}`)
    cache.set(doc.id, terms)
    return terms
  }
}
