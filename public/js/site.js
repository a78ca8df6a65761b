// Bulletin's page script: relative times on cached HTML. Everything works without it.
;(() => {
  const UNITS = [
    ['year', 31536000],
    ['month', 2592000],
    ['week', 604800],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ]
  const language = document.documentElement.lang || navigator.language
  const format = new Intl.RelativeTimeFormat([language, navigator.language], { numeric: 'auto' })

  /** "6 hours ago" from a <time datetime>; the absolute text moves to the title. */
  function relativeText(date) {
    const seconds = (date.getTime() - Date.now()) / 1000
    for (const [unit, size] of UNITS) {
      if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit)
    }
    return format.format(0, 'minute')
  }

  function updateTimes(root) {
    for (const time of root.querySelectorAll('time[data-relative]')) {
      const date = new Date(time.getAttribute('datetime'))
      if (Number.isNaN(date.getTime())) continue
      if (!time.title) time.title = time.textContent.trim()
      time.textContent = relativeText(date)
    }
  }

  updateTimes(document)
  // Fragments swapped in by htmx carry absolute times too.
  document.addEventListener('htmx:after:swap', (event) => updateTimes(event.target || document))
  setInterval(() => updateTimes(document), 60000)
})()
