// Turns an editor's Markdown into the sanitised `body_html` that readers get, once, at save time.
import { Marked, type Tokens } from 'marked'
import xssModule from 'xss'
import { escapeHtml } from '../lib/html'

// xss is CommonJS; its named exports are properties of the default export under Node's ESM loader.
const { FilterXSS, safeAttrValue } = xssModule as unknown as typeof import('xss')

const SAFE_URL = /^(https?:|mailto:)/i
const RELATIVE_URL = /^(\/(?!\/)|#)/

/** True for http(s), mailto and same-site relative URLs; everything else (javascript:, data:…) is refused. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme, so attackers hide them there.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
  return SAFE_URL.test(compact) || RELATIVE_URL.test(compact)
}

const marked = new Marked({
  gfm: true,
  renderer: {
    // Raw HTML in Markdown is shown as text, never passed through.
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    link({ href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens)
      if (!isSafeUrl(href)) return text
      const external = /^https?:/i.test(href)
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : ''
      const rel = external ? ' rel="noopener"' : ''
      return `<a href="${escapeHtml(href)}"${titleAttr}${rel}>${text}</a>`
    },
    image({ href, title, text }: Tokens.Image) {
      if (!isSafeUrl(href) || href.startsWith('mailto:')) return escapeHtml(text)
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : ''
      return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}"${titleAttr} loading="lazy">`
    },
  },
})

const ALLOWED_TAGS: Record<string, string[]> = {
  a: ['href', 'title', 'rel'],
  img: ['src', 'alt', 'title', 'loading'],
  p: [],
  br: [],
  hr: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  strong: [],
  em: [],
  del: [],
  code: [],
  pre: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['align'],
  td: ['align'],
  input: ['type', 'checked', 'disabled'],
}

// A second, independent allowlist: whatever the renderer lets through must still pass this.
const sanitizer = new FilterXSS({
  whiteList: ALLOWED_TAGS,
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'template'],
  safeAttrValue(tag, name, value, cssFilter) {
    if ((name === 'href' || name === 'src') && !isSafeUrl(value)) return ''
    if (tag === 'input' && name === 'type' && value !== 'checkbox') return ''
    return safeAttrValue(tag, name, value, cssFilter)
  },
})

/** Renders Markdown to sanitised HTML. Headings start at h2: the page title is the only h1. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false })
  return sanitizer.process(html.replace(/<(\/?)h1>/g, '<$1h2>'))
}
