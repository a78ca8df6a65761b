// Known XSS payloads written as Markdown: none may survive renderMarkdown as executable markup.
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../src/services/markdown'

/** Links, images, raw HTML, entities, and `javascript:` in its many spellings. */
const PAYLOADS = [
  // Links
  '[a](javascript:alert(1))',
  '[a](JAVASCRIPT:alert(1))',
  '[a](  javascript:alert(1))',
  '[a](java\nscript:alert(1))',
  '[a](java\tscript:alert(1))',
  '[a](java&#x09;script:alert(1))',
  '[a](&#106;avascript:alert(1))',
  '[a](&#x6A;avascript:alert(1))',
  '[a](&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1))',
  '[a](javascript&colon;alert(1))',
  '[a](\\x6Aavascript:alert(1))',
  '[a](%6Aavascript:alert(1))',
  '[a](vbscript:msgbox(1))',
  '[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[a](data:text/html,<script>alert(1)</script>)',
  '[a](<javascript:alert(1)>)',
  '[a](javascript:alert(1) "title")',
  '[a][ref]\n\n[ref]: javascript:alert(1)',
  '[a][ref]\n\n[ref]: <javascript:alert(1)>',
  '<javascript:alert(1)>',
  '[a](https://example.com "x\\" onmouseover=\\"alert(1))',
  '[a](https://example.com"onmouseover="alert(1))',
  '[<img src=x onerror=alert(1)>](https://example.com)',
  '[a](//evil.example/%0Ajavascript:alert(1))',
  // Images
  '![a](javascript:alert(1))',
  '![a](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![a](data:image/png;base64,iVBORw0KGgo=)',
  '![a"onerror="alert(1)](https://example.com/x.png)',
  '![a](https://example.com/x.png "a\\" onerror=\\"alert(1))',
  '![a](x" onerror="alert(1))',
  '![a](mailto:someone@example.com)',
  '![a][img]\n\n[img]: javascript:alert(1)',
  // Raw HTML
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="https://example.com" onclick="alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<body onload=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<base href="javascript:/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '<div hx-get="/editor/users" hx-trigger="load">x</div>',
  '<template><script>alert(1)</script></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  // Entities and encodings
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>',
  '\\<script>alert(1)\\</script>',
  // Markdown constructs wrapping HTML
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '> <script>alert(1)</script>',
  '- <img src=x onerror=alert(1)>',
  '| a |\n| - |\n| <img src=x onerror=alert(1)> |',
  '**<svg onload=alert(1)>**',
  '- [ ] <input type="text" onfocus=alert(1) autofocus>',
]

const ALLOWED_TAGS = new Set([
  'a',
  'img',
  'p',
  'br',
  'hr',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'input',
])
const ALLOWED_ATTRIBUTES = new Set([
  'href',
  'src',
  'alt',
  'title',
  'rel',
  'loading',
  'srcset',
  'sizes',
  'decoding',
  'start',
  'align',
  'type',
  'checked',
  'disabled',
])

/** What a browser would make of an attribute value: entities decoded, ignorable characters gone. */
function browserView(value: string): string {
  return (
    value
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) =>
        String.fromCodePoint(Number.parseInt(hex, 16)),
      )
      .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&colon;/gi, ':')
      .replace(/&tab;|&newline;/gi, '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop these inside a scheme.
      .replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
      .toLowerCase()
  )
}

describe('renderMarkdown against known XSS payloads', () => {
  it('tests at least 50 payloads', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50)
  })

  it.each(PAYLOADS)('renders %j with no executable markup', (payload) => {
    const html = renderMarkdown(payload)
    const doc = parse(html)
    for (const element of doc.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase()
      expect(ALLOWED_TAGS, `tag <${tag}> in ${html}`).toContain(tag)
      for (const [name, value] of Object.entries(element.attributes)) {
        expect(ALLOWED_ATTRIBUTES, `attribute ${name} in ${html}`).toContain(name.toLowerCase())
        if (name === 'href' || name === 'src') {
          expect(browserView(value), `${name} in ${html}`).toMatch(
            /^(https?:|mailto:|\/(?!\/)|#|$)/,
          )
        }
        if (name === 'href' && /^https?:/i.test(value))
          expect(element.getAttribute('rel')).toBe('noopener')
      }
      if (tag === 'input') expect(element.getAttribute('type')).toBe('checkbox')
      if (tag === 'img') expect(element.getAttribute('src') ?? '').not.toMatch(/^mailto:/i)
    }
  })
})
