// Where a URL typed by an editor really leads, decided the way a browser parses it: one rule for links and images.

/** A URL that may be linked: a path or fragment on this site, an http(s) page elsewhere, or an email. */
export type LinkTarget =
  | { kind: 'site'; href: string }
  | { kind: 'external'; href: string; secure: boolean }
  | { kind: 'mail'; href: string }

// Stands in for the page a link sits on: only its origin matters, and `.invalid` names no real host.
const SITE = new URL('https://site.invalid/')
const SCHEME = /^([a-z][a-z\d+.-]*):/i

/**
 * Classifies `raw` as a browser would resolve it from a page of this site, with a canonical href.
 * - Backslashes count as slashes and tabs or newlines vanish, as in the WHATWG URL parser, so
 *   `/\evil.example` and `/\t/evil.example` are the scheme-relative `//evil.example`: off-site.
 * - Anything that resolves off-site is `external`, whatever it looks like; a `site` href is always a
 *   root-relative path or a fragment, with backslashes and dot segments resolved.
 * - Other schemes (javascript:, data:, vbscript:…) and page-relative paths give null.
 */
export function classifyUrl(raw: string): LinkTarget | null {
  // Some browsers have ignored any control character or space inside a scheme, so none hides one.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  const compact = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
  // What every browser strips: C0 controls and spaces at the ends, tabs and newlines anywhere.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what browsers strip.
  const url = raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '')
  const scheme = SCHEME.exec(compact)?.[1]?.toLowerCase()
  if (scheme === 'mailto') return SCHEME.test(url) ? { kind: 'mail', href: url } : null
  if (scheme === 'http' || scheme === 'https') return absolute(url)
  if (scheme) return null
  if (url.startsWith('#')) {
    const parsed = parse(url, SITE)
    return parsed ? { kind: 'site', href: parsed.hash || '#' } : null
  }
  if (!/^[/\\]/.test(url)) return null
  const parsed = parse(url, SITE)
  if (!parsed) return null
  if (parsed.origin !== SITE.origin) {
    return { kind: 'external', href: parsed.href, secure: parsed.protocol === 'https:' }
  }
  return { kind: 'site', href: `${parsed.pathname}${parsed.search}${parsed.hash}` }
}

/**
 * The address an article image may have: a path on this site, or an https URL written out in full.
 * Scheme-relative forms (`//host`, `/\host`) are refused rather than guessed at. Gives the canonical
 * form to store, or null.
 */
export function toImageSource(raw: string): string | null {
  // An address with spaces or control characters in it is a paste gone wrong, not one to repair.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(raw)) return null
  const target = classifyUrl(raw)
  if (target?.kind === 'site') return target.href.startsWith('/') ? target.href : null
  if (target?.kind === 'external' && target.secure && SCHEME.test(raw)) return target.href
  return null
}

function absolute(url: string): LinkTarget | null {
  const parsed = parse(url)
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null
  // Keep the author's spelling unless the parser changed more than the trailing slash of an origin.
  const href = parsed.href === `${url}/` ? url : parsed.href
  return { kind: 'external', href, secure: parsed.protocol === 'https:' }
}

function parse(url: string, base?: URL): URL | null {
  try {
    return new URL(url, base)
  } catch {
    return null
  }
}
