// Words for "6 hours ago", made off the page's main thread: the first Intl formatter a page makes
// loads locale data, tens of milliseconds on a slow phone, which would block the reader's taps.
const UNITS = [
  ['year', 31536000],
  ['month', 2592000],
  ['week', 604800],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
]
const formats = new Map()

function formatFor(languages) {
  const key = languages.join(',')
  if (!formats.has(key)) formats.set(key, new Intl.RelativeTimeFormat(languages, { numeric: 'auto' }))
  return formats.get(key)
}

/** Answers { id, languages, now, dates: ISO strings } with { id, texts }, "" for a bad date. */
self.onmessage = (event) => {
  const { id, languages, now, dates } = event.data
  const format = formatFor(languages)
  const texts = dates.map((iso) => {
    const time = Date.parse(iso)
    if (Number.isNaN(time)) return ''
    const seconds = (time - now) / 1000
    for (const [unit, size] of UNITS) {
      if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit)
    }
    return format.format(0, 'minute')
  })
  self.postMessage({ id, texts })
}
