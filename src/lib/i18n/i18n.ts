// The interface language of one page: messages, plurals, numbers and dates in its edition's locale.
import type { Child } from 'hono/jsx'
import { BoundedMap } from '../bounded-map'
import { type Edition, editionPath, intlLocale } from '../editions'
import { dateTimeFormat, formatDateTime, formatFooterStamp, formatLongDate } from '../time'
import { findCatalogue } from './catalogues'
import type { Catalogue, MessageKey } from './en'

/** A span of time, written out in the page's language ("45 seconds", "٤٥ ثانية"). */
export interface Duration {
  amount: number
  unit: 'second' | 'minute' | 'hour'
}

export type Params = Record<string, string | number | Duration>

export interface I18n {
  edition: Edition
  /** `lang` of the page: the edition's code. */
  lang: string
  dir: 'ltr' | 'rtl'
  /** The Intl locale, digits included (`ar-LB-u-nu-arab`). */
  locale: string
  /** The message with its `{slots}` filled; numbers are written in the edition's digits. */
  t(key: MessageKey, params?: Params): string
  /** Like `t`, but slots may be elements: for a message with a <time> or a link inside. */
  rich(key: MessageKey, slots: Record<string, Child>): Child[]
  number(value: number): string
  /** Without grouping, as a year is written: 2026, ٢٠٢٦. */
  plainNumber(value: number): string
  longDate(date: Date, timeZone: string): string
  dateTime(date: Date, timeZone: string): string
  footerStamp(date: Date, timeZone: string): { day: string; time: string }
  /** The edition's URL of a default-edition path: `/category/x` → `/ar/category/x`. */
  href(path: string): string
  /** A section's name in this edition (from the navigation the page read), or `fallback`. */
  sectionName(slug: string, fallback: string): string
}

// Constructing Intl objects costs far more than using them (see lib/time.ts); the set is small.
const pluralRules = new BoundedMap<string, Intl.PluralRules>(100)
const numberFormats = new BoundedMap<string, Intl.NumberFormat>(100)

function pluralRulesFor(locale: string): Intl.PluralRules {
  return pluralRules.remember(locale, () => new Intl.PluralRules(locale))
}

function numberFormatFor(
  locale: string,
  useGrouping = true,
  unit?: Duration['unit'],
): Intl.NumberFormat {
  const options: Intl.NumberFormatOptions = unit
    ? { style: 'unit', unit, unitDisplay: 'long' }
    : { useGrouping }
  return numberFormats.remember(
    `${locale}|${useGrouping}|${unit}`,
    () => new Intl.NumberFormat(locale, options),
  )
}

function formatParam(locale: string, value: number | Duration): string {
  if (typeof value === 'number') return numberFormatFor(locale).format(value)
  return numberFormatFor(locale, true, value.unit).format(value.amount)
}

/** Picks the message (its plural form by `params.count`) and fills its slots. */
export function formatMessage(
  catalogue: Catalogue,
  locale: string,
  key: MessageKey,
  params: Params = {},
): string {
  const message = catalogue[key]
  const count = params.count
  const text =
    typeof message === 'string'
      ? message
      : (message[typeof count === 'number' ? pluralRulesFor(locale).select(count) : 'other'] ??
        message.other)
  // Most messages have no slot; a page formats a hundred of them, so those skip the regex.
  if (!text.includes('{')) return text
  return text.replace(/\{(\w+)\}/g, (slot, name: string) => {
    const value = params[name]
    if (value === undefined) return slot
    return typeof value === 'string' ? value : formatParam(locale, value)
  })
}

/** `sectionNames`: section slug → its name in this edition, as the page's navigation has them. */
export function createI18n(edition: Edition, sectionNames: Record<string, string> = {}): I18n {
  const catalogue = findCatalogue(edition.code)
  const locale = intlLocale(edition)
  return {
    edition,
    lang: edition.code,
    dir: edition.dir,
    locale,
    t: (key, params) => formatMessage(catalogue, locale, key, params),
    rich: (key, slots) => {
      const message = formatMessage(catalogue, locale, key)
      return message.split(/(\{\w+\})/).map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1]
        return name !== undefined && name in slots ? slots[name] : part
      })
    },
    number: (value) => numberFormatFor(locale).format(value),
    plainNumber: (value) => numberFormatFor(locale, false).format(value),
    longDate: (date, timeZone) => formatLongDate(date, timeZone, locale),
    dateTime: (date, timeZone) => formatDateTime(date, timeZone, locale),
    footerStamp: (date, timeZone) => formatFooterStamp(date, timeZone, locale),
    href: (path) => editionPath(edition, path),
    sectionName: (slug, fallback) => sectionNames[slug] ?? fallback,
  }
}

/** Language names by code: building an Intl.DisplayNames for each link showed in the profile. */
const languageNames = new BoundedMap<string, string>(100)

/** What a language calls itself ("العربية", "Français"), for the edition switcher. */
export function nameLanguage(code: string): string {
  // Codes come from configuration, a handful per site; the bound only guards against misuse.
  return languageNames.remember(code, () => {
    const own = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code
    return own.charAt(0).toLocaleUpperCase(code) + own.slice(1)
  })
}

/** The site's time zone as the edition's language names it, when its label is not configured. */
export function nameTimeZone(timeZone: string, locale: string): string {
  const parts = dateTimeFormat(locale, timeZone, 'zoneName').formatToParts()
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone
}
