// Date formatting in the site's time zone; relative text is left to the browser (see public/js).

/**
 * Building an Intl.DateTimeFormat costs far more than using one: a profile of an uncached article
 * render (`npm run bench:profile`) showed 13% of its CPU time in that constructor. The formatters
 * depend only on their options, are immutable, and are the same for every request, so one per
 * distinct option set is kept for the isolate's life; the set of options is small and fixed.
 */
const formatters = new Map<string, Intl.DateTimeFormat>()

export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options)
    if (formatters.size < 100) formatters.set(key, formatter)
  }
  return formatter
}

/** "Saturday, 28 November 2026" in the given zone and language. */
export function formatLongDate(date: Date, timeZone: string, locale = 'en-GB'): string {
  return dateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date)
}

/** "28 Nov 2026, 14:05": the absolute text a <time> shows before script makes it relative. */
export function formatDateTime(date: Date, timeZone: string, locale = 'en-GB'): string {
  return dateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date)
}

/** The footer's "02-07-2025" and "04:22", in the site's zone. */
export function formatFooterStamp(date: Date, timeZone: string): { day: string; time: string } {
  const parts = Object.fromEntries(
    dateTimeFormat('en-GB', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  )
  return { day: `${parts.day}-${parts.month}-${parts.year}`, time: `${parts.hour}:${parts.minute}` }
}

/** `YYYY-MM-DD` of a moment in UTC, the bucket size of article_views. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}
