// The widgets demo page: snippets that name this origin, copy buttons, and the live fetch, oEmbed and pin demos.
;(() => {
  const PLACEHOLDER = 'https://news.example.com'
  const REFERENCE = '/news/kremlin-first-putin-macron-conversation-since-2022'
  const status = document.querySelector('.demo-status')

  for (const code of document.querySelectorAll('code')) {
    if (code.textContent.includes(PLACEHOLDER)) {
      code.textContent = code.textContent.replaceAll(PLACEHOLDER, location.origin)
    }
  }
  const encoded = encodeURIComponent(PLACEHOLDER)
  const oembedSnippet = document.getElementById('snippet-oembed')
  oembedSnippet.textContent = oembedSnippet.textContent.replace(
    encoded,
    encodeURIComponent(location.origin),
  )

  for (const button of document.querySelectorAll('button[data-copy]')) {
    if (!navigator.clipboard) continue
    button.hidden = false
    button.addEventListener('click', async () => {
      const text = document.getElementById(button.dataset.copy).textContent
      try {
        await navigator.clipboard.writeText(text)
        status.textContent = 'Snippet copied.'
        button.textContent = 'Copied'
        setTimeout(() => {
          button.textContent = 'Copy'
        }, 2000)
      } catch {
        status.textContent = 'Copying is not allowed here; select the snippet instead.'
      }
    })
  }

  /** The fragment mode, done by hand: what a host page without htmx or the loader would write. */
  async function showFragment() {
    const target = document.getElementById('demo-fetch')
    const response = await fetch('/fragments/embed/latest?category=middle-east&limit=3')
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html')
    target.replaceChildren(...doc.body.childNodes)
  }

  async function showOembed() {
    const url = encodeURIComponent(location.origin + REFERENCE)
    const response = await fetch(`/oembed?url=${url}&format=json`)
    document.getElementById('demo-oembed-json').textContent = JSON.stringify(
      await response.json(),
      null,
      2,
    )
  }

  /** The loader's versioned URL is its SHA-256; the integrity value its SHA-384, both of these bytes. */
  async function showPinned() {
    if (!crypto.subtle) return
    const bytes = await (await fetch('/widget.js')).arrayBuffer()
    const hex = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
      .map((byte) => byte.toString(16).padStart(2, '0'))
      .join('')
    const sri = btoa(
      String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-384', bytes))),
    )
    document.getElementById('snippet-pinned').textContent =
      `<script src="${location.origin}/widget-${hex.slice(0, 16)}.js" async\n` +
      `        integrity="sha384-${sri}" crossorigin="anonymous"></script>`
  }

  for (const show of [showFragment, showOembed, showPinned]) {
    show().catch(() => {
      status.textContent = 'A live example could not load; the snippets still apply.'
    })
  }
})()
