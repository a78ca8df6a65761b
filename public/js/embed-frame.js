// Inside a Bulletin embed's iframe: tells the framing page how tall the embed is, so it can fit it.
// This is the only script an embed runs, and it sends nothing but a number.
;(() => {
  if (window.parent === window) return
  let sent = 0
  function postHeight() {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height)
    if (height === sent) return
    sent = height
    // Any page may frame an embed, so the target is '*'; the loader checks that this came from us.
    window.parent.postMessage({ type: 'bulletin:height', height }, '*')
  }
  // Fires once at the start, then on every change: images loading, fonts, a narrower frame.
  new ResizeObserver(postHeight).observe(document.documentElement)
})()
