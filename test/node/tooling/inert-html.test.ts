// The shared XSS check itself: it must catch live markup however it is spelled, and pass plain text.
import { describe, expect, it } from 'vitest'
import { FAVICON_HREF } from '../../../src/views/assets'
import { expectInert } from '../../support/inert-html'

describe('expectInert', () => {
  it.each([
    '<script>alert(1)</script>',
    '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
    '<img src=x onerror=alert(1)>',
    '<p><b OnMouseOver="alert(1)">x</b></p>',
    '<a href=" java\tscript:alert(1)">x</a>',
    '<a href="JAVASCRIPT:alert(1)">x</a>',
    '<form action="vbscript:msgbox(1)"></form>',
    '<iframe src="/embed"></iframe>',
    '<svg><animate onbegin=alert(1)></svg>',
    '<object data="data:text/html,<script>alert(1)</script>"></object>',
  ])('fails for %j', (markup) => {
    expect(() => expectInert(markup)).toThrow()
  })

  it.each([
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '<p>Body &lt;img src=x onerror=alert(1)&gt;</p>',
    '<a href="https://example.com/" rel="nofollow ugc noopener">link</a>',
    '<script type="application/ld+json">{"headline":"&lt;script&gt;"}</script>',
  ])('passes for %j', (markup) => {
    expect(() => expectInert(markup)).not.toThrow()
  })

  it("admits the page's own empty script elements only when told to", () => {
    const page = '<head><script src="/js/site.js" defer></script></head>'
    expect(() => expectInert(page)).toThrow()
    expect(() => expectInert(page, 'page', { allowScripts: true })).not.toThrow()
    const inline = '<script src="/js/site.js">alert(1)</script>'
    expect(() => expectInert(inline, 'page', { allowScripts: true })).toThrow()
  })

  it("admits the page's own data: favicon, and no other data: URL", () => {
    expect(() => expectInert(`<link rel="icon" href="${FAVICON_HREF}">`)).not.toThrow()
    expect(() => expectInert('<link rel="icon" href="data:image/svg+xml,<svg/>">')).toThrow()
    expect(() => expectInert(`<a href="${FAVICON_HREF}">x</a>`)).toThrow()
  })
})
