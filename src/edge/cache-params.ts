// How a cache key reads each query parameter: a canonical value, nothing, or a value the route refuses.
import { decodeCommentCursor } from '../db/queries/comments'
import { EMBED_LATEST_DEFAULT } from '../db/queries/embed'
import { parseId } from '../lib/ids'
import { parseLiveCursor } from '../lib/live-poll'
import { parseLang, parseLimit, parseSectionFilter, parseTheme } from '../routes/embed-input'
import { MAX_QUERY_LENGTH, normalizeSearchInput } from '../services/search-query'

/** A value the route answers with an error from the request alone: it skips the cache both ways. */
export const REFUSED = Symbol('refused')

/**
 * Reads a parameter's first value, the one `c.req.query` gives the route: its canonical form for
 * the key, `undefined` when the route reads it as if it were absent, or REFUSED.
 */
export type ReadParam = (raw: string) => string | undefined | typeof REFUSED

export interface QueryParam {
  read: ReadParam
  /**
   * Whether services/purge.ts lists every value of this parameter that a live page can have. A
   * key carrying one it cannot list gets no stale copy: only the route's short lifetime bounds it.
   */
  purged: boolean
}

/** `?page=`: a whole number from 1 written plainly (routes/sections.tsx reads it with this too). */
export const PAGE_NUMBER = /^[1-9]\d{0,5}$/

export const pageNumber = (purged: boolean): QueryParam => ({
  read: (raw) => (PAGE_NUMBER.test(raw) ? raw : REFUSED),
  purged,
})

/** A closed set of values; any other reads as absent, as the route treats it. */
export const oneOf = (values: readonly string[], purged: boolean): QueryParam => ({
  read: (raw) => (values.includes(raw) ? raw : undefined),
  purged,
})

/** Free text the route reads as given; only empty reads as absent. */
export const anyText: QueryParam = { read: (raw) => raw || undefined, purged: false }

/**
 * Wraps the route's own parser, so the key and the page can never disagree about a value: what it
 * throws on is refused, and what it reads as its default is left out of the key.
 */
function fromParser<T>(
  parse: (raw: string) => T,
  canonical: (value: T) => string | undefined,
  purged: boolean,
): QueryParam {
  return {
    read(raw) {
      try {
        return canonical(parse(raw))
      } catch {
        return REFUSED
      }
    },
    purged,
  }
}

/** Search terms as typed (a trailing space matters as you type); blank reads as no search. */
export const searchTerms: QueryParam = {
  read(raw) {
    const normalized = normalizeSearchInput(raw)
    if (normalized === '') return undefined
    return normalized.length > MAX_QUERY_LENGTH ? REFUSED : raw
  },
  purged: false,
}

/** A comment page cursor; purges list the live ones, but any well-formed one renders a page. */
export const commentCursor = fromParser(
  (raw) => {
    if (raw === '') return null
    const cursor = decodeCommentCursor(raw)
    if (!cursor) throw new Error('not a cursor')
    return cursor
  },
  (cursor) => (cursor ? `${cursor.createdAt}.${cursor.id}` : undefined),
  false,
)

export const commentId = fromParser(
  (raw) => (raw === '' ? undefined : parseId(raw, 'comment')),
  (id) => (id === undefined ? undefined : String(id)),
  false,
)

export const embedTheme = fromParser(
  parseTheme,
  (theme) => (theme === 'auto' ? undefined : theme),
  false,
)

/** Canonical BCP 47 (`fr-ca` and `fr-CA` share a key); empty falls back to the site's language. */
export const embedLang = fromParser(
  (raw) => parseLang(raw, ''),
  (lang) => lang || undefined,
  false,
)

export const embedLimit = fromParser(
  parseLimit,
  (limit) => (limit === EMBED_LATEST_DEFAULT ? undefined : String(limit)),
  false,
)

/** Purges list each story's own section and tag lists, unfiltered otherwise. */
export const sectionFilter = (what: 'category' | 'tag') =>
  fromParser(
    (raw) => parseSectionFilter(raw, what),
    (slug) => slug,
    true,
  )

/** oEmbed offers JSON only: `json` or nothing is the default, anything else a 501 of its own. */
export const oembedFormat: QueryParam = {
  read: (raw) => (raw === '' || raw === 'json' ? undefined : REFUSED),
  purged: false,
}

/** A live poll's cursor; purges list only the newest ones, so the route's lifetime bounds the rest. */
export const liveCursor: QueryParam = {
  read(raw) {
    const after = parseLiveCursor(raw)
    return after === null ? REFUSED : String(after)
  },
  purged: false,
}

/**
 * `?edition=` on the reply form, a fragment without a prefix: a language code, or absent (the
 * default). It only picks the form's words, which no content change alters, so nothing needs
 * purging for any value: like the bare URL, every copy stays right for its lifetime.
 */
export const editionCode: QueryParam = {
  read: (raw) => (/^[a-z]{2,3}$/.test(raw) ? raw : undefined),
  purged: true,
}
