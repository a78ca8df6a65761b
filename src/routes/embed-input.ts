// Reading an embed's query string: theme, language, list size and filters, each refused with a short message.
import { EMBED_LATEST_DEFAULT, EMBED_LATEST_MAX } from '../db/queries/embed'
import { AppError } from '../lib/errors'
import { ReaderError } from '../lib/i18n/reader-error'
import { isValidSlug, MAX_SLUG_LENGTH } from '../lib/slug'
import { EMBED_THEMES, type EmbedTheme } from '../views/embed/presentation'

/** Absent or empty means `auto`: the host reader's own light or dark preference. */
export function parseTheme(raw: string | undefined): EmbedTheme {
  if (!raw) return 'auto'
  if (!(EMBED_THEMES as readonly string[]).includes(raw)) {
    throw new AppError('INVALID', 'theme must be light, dark or auto.')
  }
  return raw as EmbedTheme
}

const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8}){0,3}$/i

/** A BCP 47 tag such as `en`, `fr-CA` or `ar`, returned in its canonical form. */
export function parseLang(raw: string | undefined, fallback: string): string {
  if (!raw) return fallback
  if (raw.length <= 35 && LANGUAGE_TAG.test(raw)) {
    try {
      const [canonical] = Intl.getCanonicalLocales(raw)
      if (canonical) return canonical
    } catch {
      // Well-formed but not a valid tag (e.g. a bad region): refused below.
    }
  }
  throw new AppError('INVALID', 'lang must be a language tag such as en or fr-CA.')
}

/** How many stories a list shows: a whole number from 1 to 20, five when absent. */
export function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return EMBED_LATEST_DEFAULT
  const limit = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN
  if (!(limit >= 1 && limit <= EMBED_LATEST_MAX)) {
    throw new AppError('INVALID', `limit must be a whole number from 1 to ${EMBED_LATEST_MAX}.`)
  }
  return limit
}

/**
 * A category or tag filter. One that cannot be a slug names no section, so it is a 404 like an
 * unknown one, without a query.
 */
export function parseSectionFilter(raw: string | undefined, what: 'category' | 'tag') {
  if (!raw) return undefined
  if (!isValidSlug(raw)) {
    throw new ReaderError('NOT_FOUND', what === 'category' ? 'problem.noCategory' : 'problem.noTag')
  }
  return raw
}

/** An article slug: too long is a bad request; any other malformed one simply names no story. */
export function parseArticleSlug(raw: string): string {
  if (raw.length > MAX_SLUG_LENGTH) {
    throw new AppError('INVALID', `The story's address is too long (at most ${MAX_SLUG_LENGTH}).`)
  }
  if (!isValidSlug(raw)) throw new ReaderError('NOT_FOUND', 'problem.noStory')
  return raw
}
