// Turns whatever a reader types into an FTS5 MATCH expression that can never be a syntax error.
import { joinPhrases, type SearchTerms } from '../db/queries/search-match'
import { arabicWordForms } from '../lib/arabic-clitics'
import { foldArabic } from '../lib/arabic-fold'
import { slugify } from './editorial-slug'

/** Longer queries are refused with a 400; the search inputs carry the same `maxlength`. */
export const MAX_QUERY_LENGTH = 200

/** More words add cost, not precision: an AND of a dozen terms already matches almost nothing. */
const MAX_TERMS = 12

/** A one- or two-letter prefix expands to a large share of the vocabulary, so it is not worth it. */
const MIN_PREFIX_LENGTH = 3

// A word starts with a letter or digit and may carry combining marks (Devanagari vowel signs,
// Arabic harakat), so a mark-only fragment never becomes an empty phrase.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu
const ENDS_IN_WORD = /[\p{L}\p{M}\p{N}]$/u

/** The query as shown back to the reader and put in URLs: trimmed, whitespace collapsed. */
export function normalizeSearchInput(raw: string | undefined): string {
  return (raw ?? '').replace(/\s+/g, ' ').trim()
}

export interface FtsQueryOptions {
  /**
   * Also match the last word as a prefix when the input ends inside it: for results as you type.
   * A submitted search leaves it off, or "wins" would also find "window".
   */
  asYouType?: boolean
}

/**
 * Builds an FTS5 expression from free text, or null when it holds nothing searchable (`***`, an
 * emoji). Every word becomes a quoted FTS5 string (an Arabic word, an OR group of its quoted
 * forms), so `AND`, `OR`, `NOT`, `NEAR(`, `title:`, `^`, `*`, `-`, quotes and parentheses in the
 * input are only ever words or ignored punctuation. Words are joined by spaces, FTS5's implicit AND.
 */
export function toFtsQuery(input: string, options: FtsQueryOptions = {}): string | null {
  const terms = toSearchTerms(input, options)
  return terms ? joinPhrases(terms.phrases) : null
}

/**
 * What the search queries need from the input: its FTS5 phrases (see toFtsQuery), whether the last
 * one is a prefix, and the slug an article titled exactly like the input would have been given.
 */
export function toSearchTerms(
  input: string,
  { asYouType = false }: FtsQueryOptions = {},
): SearchTerms | null {
  // The index holds Arabic folded the same way (migrations/0013), so spelling variants all match.
  const folded = foldArabic(input)
  const all = uniqueWords(folded.match(WORD) ?? [])
  let words = all.slice(0, MAX_TERMS)
  const typingLast = asYouType && ENDS_IN_WORD.test(folded) && words.length === all.length
  // Too short to expand yet: leave it out so the results for the words before it stay put.
  if (typingLast && words.length > 1 && !isPrefixLong(words[words.length - 1] ?? '')) {
    words = words.slice(0, -1)
  }
  if (words.length === 0) return null
  let prefix = false
  const phrases = words.map((word, index) => {
    const isPrefix = typingLast && index === all.length - 1 && isPrefixLong(word)
    prefix ||= isPrefix
    if (isPrefix) return `${quote(word)}*`
    // An Arabic word also matches its forms with the article or و joined on (one OR group, so
    // still one AND term); a prefix being typed already reaches most of them.
    const forms = arabicWordForms(word)
    return forms.length === 1 ? quote(word) : `(${forms.map(quote).join(' OR ')})`
  })
  // A half-typed word is no title yet.
  const titleSlug = prefix ? '' : slugify(normalizeSearchInput(input))
  return { phrases, prefix, titleSlug: titleSlug || null }
}

/** WORD never matches `"`, but the quoting stays correct on its own if WORD ever changes. */
function quote(word: string): string {
  return `"${word.replaceAll('"', '""')}"`
}

function isPrefixLong(word: string): boolean {
  return [...word].length >= MIN_PREFIX_LENGTH
}

/** Repeated words (in any case) add nothing to an AND; the last occurrence keeps its place. */
function uniqueWords(words: string[]): string[] {
  const seen = new Set<string>()
  const kept: string[] = []
  for (let index = words.length - 1; index >= 0; index--) {
    const word = words[index] as string
    const key = word.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    kept.unshift(word)
  }
  return kept
}
