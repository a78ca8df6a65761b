// Reading agency feeds: RSS 2.0 with media: and dc:, Atom 1.0, and the ways a feed can be broken.
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { htmlToMarkdown } from '../../../src/lib/agency-feed-markdown'
import { FeedParseError, parseFeed } from '../../../src/lib/agency-feed-parse'
import { renderMarkdown } from '../../../src/services/markdown'

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url), 'utf8')

describe('parseFeed', () => {
  it('reads RSS 2.0 items with guid, dates, dc:creator, categories and media:content', () => {
    const feed = parseFeed(fixture('wire-rss.xml'), 'https://wire.example/feed.xml')
    expect(feed.format).toBe('rss')
    expect(feed.title).toBe('Wire & Agencies')
    const [first, second] = feed.items
    expect(first).toMatchObject({
      key: 'wire-1001',
      title: 'Talks resume in Geneva – delegates arrive',
      link: 'https://wire.example/2026/11/talks-resume',
      summary: 'Delegates arrived in Geneva on Monday.',
      author: 'Wire Desk',
      categories: ['World', 'Diplomacy'],
      image: {
        url: 'https://wire.example/photos/geneva.jpg',
        alt: 'Delegates outside the Palais des Nations',
        width: 1200,
        height: 800,
      },
    })
    expect(first?.publishedAt?.toISOString()).toBe('2026-11-30T08:15:00.000Z')
    expect(first?.html).toContain('talks resume')
    // No guid: the link is the key, and an image enclosure is the picture.
    expect(second).toMatchObject({
      key: 'https://wire.example/2026/11/markets-open',
      summary: 'Shares rose in early trading across Asia.',
      image: { url: 'https://wire.example/photos/markets.jpg' },
    })
  })

  it('drops an item with neither guid nor link, since it could never be deduplicated', () => {
    expect(parseFeed(fixture('wire-rss.xml')).items).toHaveLength(2)
  })

  it('reads Atom 1.0 entries: text, html and xhtml content, authors, categories, relative links', () => {
    const feed = parseFeed(fixture('wire-atom.xml'), 'https://atom.example/feed')
    expect(feed.format).toBe('atom')
    const [storm, rail] = feed.items
    expect(storm).toMatchObject({
      key: 'tag:atom.example,2026:storm',
      title: 'Storm reaches the coast',
      link: 'https://atom.example/storm',
      summary: 'Winds of 120 km/h & heavy rain.',
      author: 'Coast Desk',
      categories: ['Weather'],
      image: { url: 'https://atom.example/storm.jpg', width: 640, height: 360 },
    })
    expect(storm?.publishedAt?.toISOString()).toBe('2026-11-30T06:30:00.000Z')
    expect(rail?.link).toBe('https://atom.example/rail')
    expect(htmlToMarkdown(rail?.html ?? '')).toBe(
      'Unions and managers agreed.\n\nTrains run tomorrow.',
    )
  })

  it('stops at malformed XML with its line and column', () => {
    expect(() => parseFeed(fixture('malformed.xml'))).toThrow(/line 7, column 3/)
  })

  it('refuses a document that defines its own entities (no entity expansion bombs)', () => {
    expect(() => parseFeed(fixture('entity-bomb.xml'))).toThrow(FeedParseError)
  })

  it('reads any well-formed or malformed mix of feed elements without failing other than FeedParseError', () => {
    const pieces = fc.constantFrom(
      '<rss>',
      '</rss>',
      '<channel>',
      '</channel>',
      '<item>',
      '</item>',
      '<feed>',
      '</feed>',
      '<entry>',
      '</entry>',
      '<guid>g</guid>',
      '<link>https://a.example/x</link>',
      '<link href="/y"/>',
      '<title>T</title>',
      '<title type="xhtml"><div><p>A</p></div></title>',
      '<author><name>N</name></author>',
      '<media:content url="https://a.example/p.jpg" medium="image"/>',
      '<media:group>',
      '</media:group>',
      '<category term="c"/>',
      '<category>c</category>',
      '<pubDate>nonsense</pubDate>',
      '<id>i</id>',
      '<description>&lt;p&gt;d</description>',
      'text',
      '<enclosure/>',
    )
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        try {
          const feed = parseFeed(parts.join(''), 'https://a.example/feed')
          for (const item of feed.items) expect(item.key).not.toBe('')
        } catch (error) {
          if (!(error instanceof FeedParseError)) throw error
        }
      }),
      { numRuns: 2_000 },
    )
  })

  it('says when XML is neither RSS nor Atom', () => {
    expect(() => parseFeed('<?xml version="1.0"?><html><body/></html>')).toThrow(/neither an RSS/)
  })
})

describe('htmlToMarkdown then renderMarkdown', () => {
  const render = (html: string) =>
    parse(renderMarkdown(htmlToMarkdown(html, 'https://wire.example/a/')))

  it('makes scripts, iframes, event handlers and javascript: links inert', () => {
    const feed = parseFeed(fixture('wire-rss.xml'))
    const page = render(feed.items[0]?.html ?? '')
    expect(page.querySelectorAll('script, iframe, [onclick]')).toHaveLength(0)
    expect(page.textContent).not.toContain('alert')
    const hrefs = page.querySelectorAll('a').map((a) => a.getAttribute('href'))
    expect(hrefs).toEqual(['https://wire.example/2026/11/background'])
    expect(page.querySelectorAll('p').map((p) => p.textContent)).toContain(
      'See this and the background.',
    )
  })

  it('keeps agency text as text: Markdown marks and HTML-looking text are not interpreted', () => {
    const page = render(
      '<p>*Not* emphasis, [not](a link), &lt;b&gt;not bold&lt;/b&gt;</p><p>1. not a list</p><p># not a heading</p>',
    )
    expect(page.querySelectorAll('em, a, b, ol, h1, h2')).toHaveLength(0)
    expect(page.querySelectorAll('p').map((p) => p.textContent)).toEqual([
      '*Not* emphasis, [not](a link), <b>not bold</b>',
      '1. not a list',
      '# not a heading',
    ])
  })

  it('keeps headings, lists, quotes and https images', () => {
    const page = render(
      '<h2>Key points</h2><ul><li>One</li><li>Two</li></ul><blockquote><p>Quoted</p></blockquote><img src="https://wire.example/p.jpg" alt="A pier"><img src="http://wire.example/insecure.jpg">',
    )
    expect(page.querySelector('h2')?.textContent).toBe('Key points')
    expect(page.querySelectorAll('li').map((li) => li.textContent)).toEqual(['One', 'Two'])
    expect(page.querySelector('blockquote')?.textContent.trim()).toBe('Quoted')
    expect(page.querySelectorAll('img').map((img) => img.getAttribute('src'))).toEqual([
      'https://wire.example/p.jpg',
    ])
  })
})
