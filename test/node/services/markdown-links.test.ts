// Links and images in Markdown go where a browser would take them, and off-site ones say so.
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../src/services/markdown'

const PAGE = 'https://bulletin.example/news/a-story'

function links(markdown: string) {
  return parse(renderMarkdown(markdown))
    .querySelectorAll('a')
    .map((a) => ({ href: a.getAttribute('href') ?? '', rel: a.getAttribute('rel') ?? null }))
}

describe('renderMarkdown links', () => {
  it.each([
    '[l](/\\evil.example)',
    '[l](\\\\\\\\evil.example)', // Markdown escapes a backslash with a backslash
    '[l](/\\/evil.example)',
    '[l](//evil.example)',
    '[l](</\t/evil.example>)',
    '[l](https:\\\\evil.example)',
    '<https://evil.example>',
    '[l][r]\n\n[r]: /\\evil.example',
  ])('renders %j, which leads off-site, as an external link with rel', (markdown) => {
    const [link] = links(markdown)
    expect(link).toBeDefined()
    expect(new URL(link?.href ?? '', PAGE).origin).toBe('https://evil.example')
    expect(link?.href).toMatch(/^https:\/\/evil\.example(\/|$)/)
    expect(link?.rel).toBe('noopener')
  })

  it('keeps links within the site relative, without rel', () => {
    expect(links('[a](/news/x) [b](#comments) [c](/%2F%2Fevil.example)')).toEqual([
      { href: '/news/x', rel: null },
      { href: '#comments', rel: null },
      { href: '/%2F%2Fevil.example', rel: null },
    ])
  })

  it('gives every link that leaves the site a rel, whatever it looks like', () => {
    const markdown = [
      '[a](https://example.com)',
      'www.example.org',
      'https://example.net/x',
      '[b](/\\example.com)',
      'desk@example.com',
    ].join(' ')
    for (const link of links(markdown)) {
      const url = new URL(link.href, PAGE)
      const offSite = url.protocol !== 'mailto:' && url.origin !== new URL(PAGE).origin
      expect(link.rel, link.href).toBe(offSite ? 'noopener' : null)
    }
  })

  it('shows an image only from this site or over https', () => {
    const doc = parse(
      renderMarkdown(
        '![a](/images/a.png) ![b](https://cdn.example/b.png) ![c](http://cdn.example/c.png) ![d](javascript:alert(1))',
      ),
    )
    expect(doc.querySelectorAll('img').map((img) => img.getAttribute('src'))).toEqual([
      '/images/a.png',
      'https://cdn.example/b.png',
    ])
    expect(doc.text).toContain('c')
  })
})
