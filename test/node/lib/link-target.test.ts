// Where typed URLs really lead: the backslash, tab and slash tricks that browsers resolve off-site.
import { describe, expect, it } from 'vitest'
import { classifyUrl, toImageSource } from '../../../src/lib/link-target'

/** What a browser does with `href` on one of our pages: the origin it would navigate to. */
function browserOrigin(href: string): string {
  return new URL(href, 'https://bulletin.example/news/a-story').origin
}

describe('classifyUrl', () => {
  it.each([
    ['/\\evil.example', 'https://evil.example/'],
    ['\\\\evil.example', 'https://evil.example/'],
    ['/\\/evil.example', 'https://evil.example/'],
    ['//evil.example', 'https://evil.example/'],
    ['///evil.example', 'https://evil.example/'],
    ['\\/evil.example/x', 'https://evil.example/x'],
    ['/\t/evil.example', 'https://evil.example/'],
    ['/\n/evil.example', 'https://evil.example/'],
    ['  //evil.example', 'https://evil.example/'],
    ['https:\\\\evil.example\\x', 'https://evil.example/x'],
    ['ht\ttps://evil.example', 'https://evil.example'],
  ])('treats %j, which a browser resolves off-site, as external: %s', (raw, href) => {
    expect(browserOrigin(raw)).toBe('https://evil.example')
    expect(classifyUrl(raw)).toEqual({ kind: 'external', href, secure: true })
    expect(browserOrigin(href)).toBe('https://evil.example')
  })

  it('writes out in full a URL whose meaning depends on the page it sits on', () => {
    // From an https page this is a relative path; from an http page, another host. Spelled out,
    // the link goes to one place on every page.
    expect(classifyUrl('https:evil.example')).toEqual({
      kind: 'external',
      href: 'https://evil.example/',
      secure: true,
    })
  })

  it.each([
    ['/news/a-story', '/news/a-story'],
    ['\\news', '/news'],
    ['/a\\b', '/a/b'],
    ['/a/../b?x=1#c', '/b?x=1#c'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/%5Cevil.example', '/%5Cevil.example'],
    ['#comments', '#comments'],
    ['#', '#'],
  ])('keeps %j on this site, as %j', (raw, href) => {
    expect(browserOrigin(raw)).toBe('https://bulletin.example')
    expect(classifyUrl(raw)).toEqual({ kind: 'site', href })
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\u0000script:alert(1)',
    ' javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.com/x',
    // Page-relative: it would mean something different on every page, so it is not linked.
    '%2F%2Fevil.example',
    'page-two',
    '?q=1',
    // No host at all.
    '///',
    'https://',
  ])('refuses %j', (raw) => {
    expect(classifyUrl(raw)).toBeNull()
  })

  it('keeps the spelling of an ordinary absolute link and of an email address', () => {
    expect(classifyUrl('https://example.com')).toEqual({
      kind: 'external',
      href: 'https://example.com',
      secure: true,
    })
    expect(classifyUrl('http://example.com/a?b=1')?.href).toBe('http://example.com/a?b=1')
    expect(classifyUrl('mailto:desk@example.com')).toEqual({
      kind: 'mail',
      href: 'mailto:desk@example.com',
    })
  })

  it('gives an href that classifies the same way again', () => {
    for (const raw of ['/\\evil.example/x', '/a\\b', '#x', 'https:evil.example', 'mailto:a@b.c']) {
      const first = classifyUrl(raw)
      expect(first && classifyUrl(first.href)).toEqual(first)
    }
  })
})

describe('toImageSource', () => {
  it('accepts site paths and https addresses, in their canonical form', () => {
    expect(toImageSource('/images/a.svg')).toBe('/images/a.svg')
    expect(toImageSource('/images\\a.svg')).toBe('/images/a.svg')
    expect(toImageSource('https://cdn.example/a.jpg')).toBe('https://cdn.example/a.jpg')
    expect(toImageSource('https:\\\\cdn.example\\a.jpg')).toBe('https://cdn.example/a.jpg')
  })

  it.each([
    '/\\evil.example/x.png',
    '\\\\evil.example/x.png',
    '/\\/evil.example/x.png',
    '//evil.example/x.png',
    '/\t/evil.example/x.png',
    'http://example.com/x.png',
    'javascript:alert(1)',
    'data:image/png;base64,x',
    '#top',
    'x.png',
    '/images/a b.png',
  ])('refuses %j', (raw) => {
    expect(toImageSource(raw)).toBeNull()
  })
})
