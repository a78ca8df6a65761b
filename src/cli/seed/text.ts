// Small text helpers for generated content: headline case, slugs, fresh titles and templates.
import { firstFreeSlug } from '../../services/editorial-slug'

// Headline style keeps these lowercase unless they start the title.
const SMALL_WORDS = new Set(
  'a an and as at but by for from in into of on or over the to via with amid after'.split(' '),
)

/** "talks on a Ukraine settlement" → "Talks on a Ukraine Settlement". */
export function titleCase(text: string): string {
  return text
    .split(' ')
    .map((word, i) =>
      i > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join(' ')
}

/** Headlines drop leading articles: "a ceasefire deal" → "ceasefire deal". */
export function dropArticle(phrase: string): string {
  return phrase.replace(/^(a|an|the) /i, '')
}

/** Capitalises the first letter, for a phrase that opens a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** "The Kremlin" → "the Kremlin", for a name used mid-sentence; proper names are left alone. */
export function midSentence(name: string): string {
  return /^(The|A|An) /.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name
}

/** Returns `base`, or `base-2`, `base-3`… whichever is not taken yet, and marks it taken. */
export function uniqueSlug(base: string, taken: Set<string>): string {
  const slug = firstFreeSlug(base, taken)
  taken.add(slug)
  return slug
}

/** Replaces `{name}` placeholders; an unknown placeholder is a bug in the word lists. */
export function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = slots[key]
    if (value === undefined) throw new Error(`No value for {${key}} in "${template}"`)
    return value
  })
}

/**
 * Draws until the title is one not used yet, and marks it used. Combinations are plentiful, so a
 * few retries always find one; the cap only stops a word list too small from looping forever.
 */
export function drawFreshTitle<T extends { title: string }>(titles: Set<string>, draw: () => T): T {
  let drawn = draw()
  for (let attempt = 0; titles.has(drawn.title) && attempt < 50; attempt++) drawn = draw()
  titles.add(drawn.title)
  return drawn
}
