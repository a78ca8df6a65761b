// Editions: one site in several languages, each under its own path prefix (the default at `/`).
import { textDirection } from './text-direction'

export const DIGIT_SYSTEMS = ['latn', 'arab'] as const
export type DigitSystem = (typeof DIGIT_SYSTEMS)[number]

export interface Edition {
  /** The edition's language code, as stored in `articles.language`: `en`, `ar`, `fr`. */
  code: string
  /** BCP 47 locale for Intl, without the digits: `en-GB`, `ar-LB`. */
  locale: string
  /** Western (`latn`) or Arabic-Indic (`arab`) digits in dates and numbers. */
  digits: DigitSystem
  /** `''` for the default edition, otherwise `/<code>`: what every reader URL of it starts with. */
  prefix: string
  dir: 'ltr' | 'rtl'
}

/** English at `/`: what a page outside any configured edition, or a lone fragment, falls back to. */
export const DEFAULT_EDITION: Edition = {
  code: 'en',
  locale: 'en-GB',
  digits: 'latn',
  prefix: '',
  dir: 'ltr',
}

/**
 * Parses EDITIONS: space- or comma-separated `code[:locale[:digits]]`, the first one the default,
 * e.g. `en:en-GB:latn ar:ar-LB:arab fr:fr-FR`. Problems are returned, not thrown.
 */
export function parseEditionList(spec: string): { editions: Edition[]; problems: string[] } {
  const problems: string[] = []
  const editions: Edition[] = []
  for (const [index, entry] of spec
    .split(/[\s,]+/)
    .filter(Boolean)
    .entries()) {
    const [code = '', locale = code, digits = 'latn'] = entry.split(':')
    if (!/^[a-z]{2,3}$/.test(code)) problems.push(`EDITIONS: "${code}" is not a language code`)
    else if (editions.some((edition) => edition.code === code)) {
      problems.push(`EDITIONS: "${code}" is listed twice`)
    }
    if (!isLocale(locale)) problems.push(`EDITIONS: "${locale}" is not a locale`)
    if (!DIGIT_SYSTEMS.includes(digits as DigitSystem)) {
      problems.push(`EDITIONS: digits must be one of ${DIGIT_SYSTEMS.join(', ')}`)
    }
    editions.push({
      code,
      locale,
      digits: digits as DigitSystem,
      prefix: index === 0 ? '' : `/${code}`,
      dir: textDirection(code),
    })
  }
  if (editions.length === 0) problems.push('EDITIONS must name at least one edition')
  return { editions, problems }
}

/** The edition a request path belongs to, and the path with its prefix taken off. */
export function findEditionOfPath<E extends Pick<Edition, 'prefix'>>(
  editions: readonly E[],
  path: string,
): { edition: E; rest: string } | undefined {
  for (const edition of editions) {
    if (!edition.prefix) continue
    if (path === edition.prefix) return { edition, rest: '/' }
    if (path.startsWith(`${edition.prefix}/`)) {
      return { edition, rest: path.slice(edition.prefix.length) }
    }
  }
  return undefined
}

/** An edition's own URL for a path of the default edition: `/category/x` → `/ar/category/x`. */
export function editionPath(edition: Pick<Edition, 'prefix'>, path: string): string {
  if (!edition.prefix) return path
  return path === '/' ? `${edition.prefix}/` : `${edition.prefix}${path}`
}

/** The locale Intl formats with: the digits travel as a Unicode extension (`ar-LB-u-nu-arab`). */
export function intlLocale(edition: Pick<Edition, 'locale' | 'digits'>): string {
  return `${edition.locale}-u-nu-${edition.digits}`
}

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1
  } catch {
    return false
  }
}
