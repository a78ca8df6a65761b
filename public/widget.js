/*! Bulletin widget loader: embeds stories from the site this script is served by. */
// Turns <div data-bulletin="article|latest"> into an auto-sizing iframe or, with data-mode="inline",
// into an HTML fragment. No dependencies; it talks only to the origin it was loaded from.
;(() => {
  if (window.Bulletin) return window.Bulletin.render()
  const script =
    document.currentScript ||
    [...document.scripts].find((s) => /\/widget(-[0-9a-f]{16})?\.js(\?|$)/.test(s.src))
  if (!script) return
  const origin = new URL(script.src, location.href).origin
  // An embed reports its own height; anything outside these bounds is ignored, so a framed page can
  // never blow the host page up or collapse it.
  const MIN_HEIGHT = 40
  const MAX_HEIGHT = 4000
  const KINDS = {
    article: { params: ['theme', 'lang'], height: 190, title: 'News story' },
    latest: {
      params: ['category', 'tag', 'limit', 'theme', 'lang'],
      height: 360,
      title: 'Latest news',
    },
  }
  const SANDBOX =
    'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation'

  function embedPath(el, kind) {
    if (kind === 'latest') return '/embed/latest'
    return el.dataset.slug ? `/embed/articles/${encodeURIComponent(el.dataset.slug)}` : null
  }

  function embedQuery(el, kind) {
    const query = new URLSearchParams()
    for (const name of KINDS[kind].params) if (el.dataset[name]) query.set(name, el.dataset[name])
    const text = query.toString()
    return text ? `?${text}` : ''
  }

  function renderFrame(el, kind, url) {
    const iframe = document.createElement('iframe')
    iframe.src = url
    iframe.title = el.dataset.title || KINDS[kind].title
    iframe.loading = 'lazy'
    // The sandbox protects the host from the frame; on Bulletin's own pages it could protect nothing.
    if (location.origin !== origin) iframe.setAttribute('sandbox', SANDBOX)
    // Set through CSSOM, which a host's CSP allows even where it forbids inline style attributes.
    Object.assign(iframe.style, {
      display: 'block',
      width: '100%',
      height: `${KINDS[kind].height}px`,
      border: '0',
    })
    el.replaceChildren(iframe)
  }

  function addStylesheet() {
    const href = `${origin}/css/embed.css`
    if ([...document.querySelectorAll('link[rel~="stylesheet"]')].some((l) => l.href === href))
      return
    const link = document.createElement('link')
    link.rel = 'stylesheet'
    link.href = href
    document.head.append(link)
  }

  async function renderInline(el, url) {
    addStylesheet()
    try {
      // A fragment is public: it is read without cookies, and shown even when it is an error line.
      const response = await fetch(url, { credentials: 'omit' })
      const doc = new DOMParser().parseFromString(await response.text(), 'text/html')
      // Bulletin sends none of these; they are dropped in case anything ever did.
      for (const node of doc.body.querySelectorAll('script,style,link,iframe,object,embed')) {
        node.remove()
      }
      el.replaceChildren(...doc.body.childNodes)
    } catch {
      // Offline or blocked: the placeholder keeps whatever fallback link the host put in it.
    }
  }

  function render(root) {
    for (const el of (root || document).querySelectorAll('[data-bulletin]')) {
      const kind = el.dataset.bulletin
      const path = Object.hasOwn(KINDS, kind) && embedPath(el, kind)
      if (!path || el.dataset.bulletinReady) continue
      el.dataset.bulletinReady = 'true'
      const query = embedQuery(el, kind)
      if (el.dataset.mode === 'inline') renderInline(el, `${origin}/fragments${path}${query}`)
      else renderFrame(el, kind, `${origin}${path}${query}`)
    }
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== origin) return
    const data = event.data
    const height = data && data.type === 'bulletin:height' ? data.height : null
    if (typeof height !== 'number' || !(height >= MIN_HEIGHT && height <= MAX_HEIGHT)) return
    // Only the frame that sent the message is resized, whichever way it was embedded.
    for (const iframe of document.querySelectorAll('iframe')) {
      if (iframe.contentWindow === event.source) iframe.style.height = `${Math.ceil(height)}px`
    }
  })

  window.Bulletin = { render }
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', () => render())
  else render()
})()
