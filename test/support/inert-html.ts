// One check that markup is inert: parsed as a browser would, it has nothing that runs.
import { type HTMLElement, parse } from 'node-html-parser'
import { expect } from 'vitest'
import { FAVICON_HREF } from '../../src/views/assets'

const ACTIVE_ELEMENTS =
  'script, iframe, frame, object, embed, applet, base, meta[http-equiv], svg, math'
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data']

/**
 * Fails unless `markup` holds no script or other active element, no `on*` handler and no
 * `javascript:`, `vbscript:` or `data:` URL. A negative substring check would pass for a payload
 * that came back encoded differently but still live; the parsed tree cannot be fooled that way.
 * JSON-LD blocks count as data, and `allowScripts` admits scripts loaded from our own paths.
 */
export function expectInert(
  markup: string | HTMLElement,
  where = '',
  { allowScripts = false }: { allowScripts?: boolean } = {},
): void {
  const root = typeof markup === 'string' ? parse(markup, { comment: false }) : markup
  for (const element of root.querySelectorAll(ACTIVE_ELEMENTS)) {
    const tag = element.tagName.toLowerCase()
    const isData = tag === 'script' && element.getAttribute('type') === 'application/ld+json'
    const isOwnScript =
      tag === 'script' && allowScripts && /^\/[^/\\]/.test(element.getAttribute('src') ?? '')
    const isOwnScriptEmpty = isOwnScript && element.textContent.trim() === ''
    expect(isData || isOwnScriptEmpty, `${where}: <${tag}> in ${element.outerHTML}`).toBe(true)
  }
  for (const element of root.querySelectorAll('*')) {
    for (const [name, value] of Object.entries(element.attributes)) {
      expect(name.toLowerCase(), `${where}: ${element.outerHTML}`).not.toMatch(/^on/)
      // The page's own favicon is a data: URL, exactly the one views/assets.ts writes.
      const isOwnFavicon = element.tagName.toLowerCase() === 'link' && value === FAVICON_HREF
      if (URL_ATTRIBUTES.includes(name.toLowerCase()) && !isOwnFavicon) {
        // Browsers drop ASCII whitespace and control characters inside a scheme.
        const scheme = [...value]
          .filter((char) => char.charCodeAt(0) > 0x20)
          .join('')
          .toLowerCase()
        expect(scheme, `${where}: ${name} in ${element.outerHTML}`).not.toMatch(
          /^(javascript|vbscript|data):/,
        )
      }
    }
  }
}
