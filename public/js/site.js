// Bulletin's page script: relative times on cached HTML, favorites in localStorage, the view beacon.
// Every page works without it.
;(() => {
  // Relative times are worded by a worker (see relative-time-worker.js); until its answer arrives,
  // and where workers are missing, the absolute time the server wrote stays.
  // data-locale is the edition's locale with its digits (ar-LB-u-nu-arab): lang alone would guess.
  const root = document.documentElement
  const languages = [root.dataset.locale || root.lang || navigator.language, navigator.language]
  const pendingTimes = new Map()
  let timeWorker = null
  let nextRequest = 0

  function startTimeWorker() {
    timeWorker = new Worker('/js/relative-time-worker.js')
    timeWorker.addEventListener('message', (event) => {
      const times = pendingTimes.get(event.data.id)
      pendingTimes.delete(event.data.id)
      times?.forEach((time, index) => {
        const text = event.data.texts[index]
        if (!text) return
        if (!time.title) time.title = time.textContent.trim()
        time.textContent = text
      })
    })
  }

  function updateTimes(root) {
    const times = [...root.querySelectorAll('time[data-relative]')]
    if (!window.Worker || times.length === 0) return
    if (!timeWorker) startTimeWorker()
    const id = nextRequest++
    pendingTimes.set(id, times)
    const dates = times.map((time) => time.getAttribute('datetime'))
    timeWorker.postMessage({ id, languages, now: Date.now(), dates })
  }

  // Favorites never leave the browser: pages are cached for everyone, so nothing personal is on them.
  const FAVORITES_KEY = 'bulletin:favorites'

  function readFavorites() {
    try {
      const ids = JSON.parse(localStorage.getItem(FAVORITES_KEY) || '[]')
      return Array.isArray(ids) ? ids.filter((id) => Number.isSafeInteger(id) && id > 0) : []
    } catch {
      return []
    }
  }

  function writeFavorites(ids) {
    try {
      localStorage.setItem(FAVORITES_KEY, JSON.stringify(ids))
    } catch {
      // Storage may be full or disabled; the button simply does not stick.
    }
  }

  function renderFavorites() {
    const ids = readFavorites()
    for (const count of document.querySelectorAll('[data-favorites-count]')) {
      // A span may not carry aria-label, so the words for screen readers are hidden text instead.
      const words = document.createElement('span')
      words.className = 'visually-hidden'
      words.textContent = count.dataset.savedWords || ' saved'
      // In the page's digits, as the server writes every other number; mapped by hand, since the
      // first Intl formatter on the main thread is a long task on a phone (see the worker).
      const arabic = /-nu-arab\b/.test(root.dataset.locale || '')
      const digits = String(ids.length).replace(/\d/g, (d) => (arabic ? '٠١٢٣٤٥٦٧٨٩'[d] : d))
      count.replaceChildren(digits, words)
      count.hidden = false
    }
    for (const button of document.querySelectorAll('button[data-favorite]')) {
      const saved = ids.includes(Number(button.dataset.favorite))
      button.hidden = false
      button.setAttribute('aria-pressed', String(saved))
      const label = button.querySelector('.favorite-button__label')
      // The page's own words, in its language (views/components/favorite-button.tsx).
      const { savedLabel, addLabel } = button.dataset
      if (label) label.textContent = saved ? savedLabel || 'Saved' : addLabel || 'Add to favorites'
      const icon = button.querySelector('[aria-hidden]')
      if (icon) icon.textContent = saved ? '★' : '☆'
    }
  }

  document.addEventListener('click', (event) => {
    const button = event.target.closest?.('button[data-favorite]')
    if (!button) return
    const id = Number(button.dataset.favorite)
    const ids = readFavorites()
    writeFavorites(ids.includes(id) ? ids.filter((other) => other !== id) : [id, ...ids])
    renderFavorites()
  })

  // The article page is cached for everyone, so the comment form's idempotency key is made here,
  // once per form, when the reader starts using it. A double submit then makes one comment.
  document.addEventListener('focusin', (event) => {
    const form = event.target.closest?.('form[data-comment-form]')
    const key = form?.querySelector('input[name="idempotency_key"]')
    if (key && !key.value) key.value = crypto.randomUUID()
  })

  function loadFavoritesList() {
    const list = document.querySelector('[data-favorites-list]')
    if (!list || !window.htmx) return
    const ids = readFavorites()
    // Each edition's page names its own fragment, whose cards link that edition's sections.
    const url = list.dataset.favoritesList || '/fragments/favorites'
    htmx.ajax('GET', `${url}?ids=${ids.join(',')}`, {
      target: '#favorites-list',
      swap: 'innerHTML',
    })
  }

  // Cached pages never reach the database, so an article page reports its own view, once per load,
  // with the signed token the page carries (a beacon without one is not counted). sendBeacon posts
  // same-origin with no body and no cookies are needed; a failure costs nothing. It goes when the
  // reader first hides or leaves the page, the moment sendBeacon is made for: during the load it
  // would compete with the page's own requests on a slow network, and a prerendered page that is
  // never shown is not a view.
  const viewed = document.querySelector('article[data-article-id]')?.dataset
  if (viewed && /^\d+$/.test(viewed.articleId) && viewed.viewToken && navigator.sendBeacon) {
    const beaconUrl = `/beacon/view/${viewed.articleId}?t=${encodeURIComponent(viewed.viewToken)}`
    let counted = false
    const countView = () => {
      if (counted) return
      counted = true
      navigator.sendBeacon(beaconUrl)
    }
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') countView()
    })
    // Some browsers leave a page without a visibility change first.
    window.addEventListener('pagehide', countView)
  }

  // Live blogs: no polling while the tab is hidden, one poll as soon as it is shown again. New
  // updates wait in #live-pending behind a button, so the text never moves while it is read.
  document.addEventListener('htmx:before:request', (event) => {
    if (document.hidden && event.target.matches?.('[data-live-poll]')) event.preventDefault()
  })
  document.addEventListener('visibilitychange', () => {
    const poller = document.querySelector('[data-live-poll]')
    if (!document.hidden && poller && window.htmx) htmx.trigger(poller, 'live:poll')
  })
  function countPending() {
    const button = document.querySelector('[data-live-reveal]')
    const waiting = document.querySelectorAll('#live-pending > li').length
    if (!button) return
    button.textContent = waiting === 1 ? '1 new update' : `${waiting} new updates`
    button.hidden = waiting === 0
  }
  // A failed poll leaves the page as it is, the poller included, so polling goes on.
  // (htmx 4 swaps error answers too; hx-status:* attribute names are not valid HTML.)
  document.addEventListener('htmx:before:swap', (event) => {
    const ctx = event.detail?.ctx
    if (ctx?.response?.raw?.status >= 400 && ctx.sourceElement?.matches?.('[data-live-poll]')) {
      event.preventDefault()
    }
  })
  // Whenever a poll's partial lands (htmx swaps partials after the main content).
  const pendingList = document.getElementById('live-pending')
  if (pendingList) new MutationObserver(countPending).observe(pendingList, { childList: true })
  // A poll replaces an edited, pinned or unpinned update where it stands (out of band): pinned ones
  // then move to the pinned list, unpinned ones back into the stream, each list newest first.
  const updateNumber = (item) => Number(item.id.replace('update-', ''))
  function insertByNumber(list, item) {
    const next = [...list.children].find((other) => updateNumber(other) < updateNumber(item))
    list.insertBefore(item, next ?? null)
  }
  function placePinned() {
    const pinned = document.getElementById('live-pinned')
    const stream = document.getElementById('live-updates')
    if (!pinned || !stream) return
    for (const item of stream.querySelectorAll(':scope > .live-update--pinned')) {
      insertByNumber(pinned, item)
    }
    for (const item of pinned.querySelectorAll(':scope > li:not(.live-update--pinned)')) {
      insertByNumber(stream, item)
    }
    if (pinned.hidden !== (pinned.children.length === 0)) pinned.hidden = !pinned.hidden
  }
  const liveSection = document.querySelector('.live[data-live="running"]')
  if (liveSection) {
    new MutationObserver(placePinned).observe(liveSection, { childList: true, subtree: true })
  }
  document.addEventListener('click', (event) => {
    const button = event.target.closest?.('[data-live-reveal]')
    const pending = document.getElementById('live-pending')
    const list = document.getElementById('live-updates')
    if (!button || !pending || !list) return
    const first = pending.firstElementChild
    list.prepend(...pending.children)
    countPending()
    first?.focus()
  })

  // Sections marked data-htmx-later (the comments: a reply link per comment) are left to htmx only
  // when the reader comes near them, or points, taps or tabs into them first: wiring them all costs
  // the article's load a long task on a slow phone. Until then their links and forms work as plain
  // HTML, as they do without JavaScript.
  function wireLater() {
    for (const section of document.querySelectorAll('[data-htmx-later]')) wireWhenNear(section)
  }
  function wireWhenNear(section) {
    const near = window.IntersectionObserver
      ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && wire(), {
          rootMargin: '400px 0px',
        })
      : null
    function wire() {
      near?.disconnect()
      section.removeEventListener('pointerdown', wire, true)
      section.removeEventListener('focusin', wire, true)
      if (!section.hasAttribute('data-htmx-later') || !window.htmx) return
      section.removeAttribute('data-htmx-later')
      section.removeAttribute('data-hx-ignore')
      htmx.process(section)
    }
    section.addEventListener('pointerdown', wire, true)
    section.addEventListener('focusin', wire, true)
    if (near) near.observe(section)
    else wire()
  }

  // A cached page shows what was current when it was rendered: an element marked data-refresh-from
  // (the breaking alert) is asked for again and replaced only when the answer differs. A plain
  // fetch, not htmx: htmx's swap of even an unchanged, empty slot was the article's longest task on
  // a phone (its swap machinery, then style and layout of the whole page). A failed answer changes
  // nothing.
  function refreshSlots() {
    for (const slot of document.querySelectorAll('[data-refresh-from]')) refreshSlot(slot)
  }
  function refreshSlot(slot) {
    fetch(slot.dataset.refreshFrom)
      .then((response) => (response.ok ? response.text() : ''))
      .then((html) => {
        const answer = document.createElement('template')
        answer.innerHTML = html
        const next = answer.content.firstElementChild
        if (!next || next.id !== slot.id) return
        if (next.hidden === slot.hidden && next.innerHTML === slot.innerHTML) return
        slot.replaceWith(next)
      })
      .catch(() => {})
  }

  // Fragments swapped in by htmx carry absolute times too. htmx 4 fires this on the element that
  // made the request, not on the swapped target, so the whole document is looked at.
  document.addEventListener('htmx:after:swap', () => updateTimes(document))
  // Turnstile draws the widgets a page has when it loads; one in a swapped-in form is drawn here.
  document.addEventListener('htmx:after:swap', () => {
    for (const box of document.querySelectorAll('.cf-turnstile:empty')) window.turnstile?.render(box)
  })
  setInterval(() => updateTimes(document), 60000)

  // The work of the load, each step a task of its own. On pages that use htmx, this script runs in
  // the same task as htmx's evaluation (one file, src/cli/copy-vendor.ts), and each step asks the browser for something
  // (storage, a worker, a fetch, an observer): all in one task they were a long task on a slow
  // phone, which Lighthouse counts as Total Blocking Time; apart, each is a few milliseconds and
  // input can be handled between them.
  const steps = [
    () => {
      renderFavorites()
      // Another tab changed the list.
      window.addEventListener('storage', (event) => {
        if (event.key === FAVORITES_KEY) renderFavorites()
      })
    },
    () => updateTimes(document),
    refreshSlots,
    wireLater,
    // Where the page uses htmx, it is evaluated before this script, so it is ready by now.
    loadFavoritesList,
  ]
  for (const step of steps) setTimeout(step)
})()
