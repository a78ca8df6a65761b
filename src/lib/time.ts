// Date formatting in the site's time zone; relative text is left to the browser (see public/js).

/** "Saturday, 28 November 2026" in the given zone and language. */
export function formatLongDate(date: Date, timeZone: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date)
}

/** "28 Nov 2026, 14:05": the absolute text a <time> shows before script makes it relative. */
export function formatDateTime(date: Date, timeZone: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
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
    new Intl.DateTimeFormat('en-GB', {
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
