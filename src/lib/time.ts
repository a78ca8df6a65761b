// Date formatting in the site's time zone; relative text is left to the browser (see public/js).
import { BoundedMap } from './bounded-map'

/**
 * Building an Intl.DateTimeFormat costs far more than using one: a profile of an uncached article
 * render (`npm run bench:profile`) showed 13% of its CPU time in that constructor. The formatters
 * depend only on their options, are immutable, and are the same for every request, so one per
 * distinct option set is kept for the isolate's life; the set of options is small and fixed.
 */
const formatters = new BoundedMap<string, Intl.DateTimeFormat>(100)

/** The option sets the site formats with, by name: the name keys the cache, not the options. */
const FORMATS = {
  longDate: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  dateTime: {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  },
  footerStamp: {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  },
  wallClock: {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  },
  zoneName: { timeZoneName: 'longGeneric' },
  zoneOnly: {},
} satisfies Record<string, Intl.DateTimeFormatOptions>

export type DateFormatName = keyof typeof FORMATS

/**
 * The formatter for one of FORMATS in a zone and locale. Keyed by name rather than by the options'
 * JSON: a page formats dozens of dates, and serialising the options for each showed in the profile.
 * An unknown zone or locale throws RangeError, as the constructor does.
 */
export function dateTimeFormat(
  locale: string,
  timeZone: string,
  name: DateFormatName,
): Intl.DateTimeFormat {
  return formatters.remember(
    `${name}|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { ...FORMATS[name], timeZone }),
  )
}

/**
 * Texts already formatted, by format, moment, locale and zone. A page shows dozens of timestamps
 * (comments, lists), and formatting them was 6% of an uncached article render in workerd; a
 * re-render after a purge shows the same comments and stories, and a story's time appears on many
 * pages. Bounded: cleared when full, so a long-lived isolate holds at most a few hundred kilobytes.
 */
const formattedDateTimes = new BoundedMap<string, string>(5000)

/**
 * The moment rounded down to its minute: what formats showing no seconds depend on (zone offsets
 * are whole minutes), so the masthead's date and the footer's stamp are formatted once a minute,
 * not on every render.
 */
function minuteOf(date: Date): number {
  return Math.floor(date.getTime() / 60_000)
}

/** "Saturday, 28 November 2026" in the given zone and language. */
export function formatLongDate(date: Date, timeZone: string, locale = 'en-GB'): string {
  return formattedDateTimes.remember(`longDate|${minuteOf(date)}|${locale}|${timeZone}`, () =>
    dateTimeFormat(locale, timeZone, 'longDate').format(date),
  )
}

/** "28 Nov 2026, 14:05": the absolute text a <time> shows before script makes it relative. */
export function formatDateTime(date: Date, timeZone: string, locale = 'en-GB'): string {
  return formattedDateTimes.remember(`dateTime|${date.getTime()}|${locale}|${timeZone}`, () =>
    dateTimeFormat(locale, timeZone, 'dateTime').format(date),
  )
}

/** The footer's "02-07-2025" and "04:22", in the site's zone, in the locale's digits. */
export function formatFooterStamp(
  date: Date,
  timeZone: string,
  locale = 'en-GB',
): { day: string; time: string } {
  const stamp = formattedDateTimes.remember(
    `footerStamp|${minuteOf(date)}|${locale}|${timeZone}`,
    () => {
      const parts = Object.fromEntries(
        dateTimeFormat(locale, timeZone, 'footerStamp')
          .formatToParts(date)
          .map((part) => [part.type, part.value]),
      )
      return `${parts.day}-${parts.month}-${parts.year}|${parts.hour}:${parts.minute}`
    },
  )
  const [day = '', time = ''] = stamp.split('|')
  return { day, time }
}

/** `YYYY-MM-DD` of a moment in UTC, the bucket size of article_views. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

// Wall-clock times in the site's time zone, for the editor's schedule field (datetime-local).

function partsIn(date: Date, timeZone: string): Record<string, number> {
  const parts = dateTimeFormat('en-GB', timeZone, 'wallClock').formatToParts(date)
  return Object.fromEntries(parts.map((part) => [part.type, Number(part.value)]))
}

/** How far the zone's wall clock is ahead of UTC at this moment, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const p = partsIn(new Date(instant), timeZone)
  const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day, p.hour, p.minute, p.second)
  return wall - Math.floor(instant / 1000) * 1000
}

/** `YYYY-MM-DDTHH:mm` for a datetime-local input showing this moment in the zone. */
export function toZonedInputValue(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone)
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0')
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`
}

/**
 * The moment a datetime-local value names in the zone, or null if it is not such a value. Around
 * a daylight-saving change the offset is re-checked at the result, so the wall time is honoured.
 */
export function fromZonedInputValue(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim())
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1).map((n) => Number(n ?? 0))
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second)
  const check = new Date(wall)
  if (check.getUTCMonth() !== (month ?? 1) - 1 || check.getUTCDate() !== day || (hour ?? 0) > 23) {
    return null
  }
  const guess = wall - offsetAt(wall, timeZone)
  return new Date(wall - offsetAt(guess, timeZone))
}
