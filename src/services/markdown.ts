// Turns an editor's Markdown into the sanitised `body_html` that readers get, once, at save time.
import xssModule from 'xss'
import { classifyUrl, toImageSource } from '../lib/link-target'
import { BODY_IMAGE_SIZES, isMediaSrcset } from '../lib/media-variants'
import { countMarkup, MARKDOWN_MAX_MARKUP } from './markdown-budget'
import {
  MARKDOWN_MAX_LENGTH,
  MarkdownLimitError,
  type MarkdownRenderEnv,
  markdownParser,
} from './markdown-parser'

export { countMarkup, MARKDOWN_MAX_MARKUP } from './markdown-budget'
export { MARKDOWN_MAX_DEPTH, MARKDOWN_MAX_LENGTH, MarkdownLimitError } from './markdown-parser'

// xss is CommonJS; its named exports are properties of the default export under Node's ESM loader.
const { FilterXSS, safeAttrValue } = xssModule as unknown as typeof import('xss')

const ALLOWED_TAGS: Record<string, string[]> = {
  a: ['href', 'title', 'rel'],
  img: ['src', 'alt', 'title', 'loading', 'srcset', 'sizes', 'decoding', 'width', 'height'],
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
}

// A second, independent allowlist: whatever the renderer lets through must still pass this.
const sanitizer = new FilterXSS({
  whiteList: ALLOWED_TAGS,
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'template'],
  safeAttrValue(tag, name, value, cssFilter) {
    if (name === 'href' && !classifyUrl(value)) return ''
    if (name === 'src' && !toImageSource(value)) return ''
    // Only what the renderer writes for library images: no other source can hide in a srcset.
    if (name === 'srcset' && !isMediaSrcset(value)) return ''
    if (name === 'sizes' && value !== BODY_IMAGE_SIZES) return ''
    if (name === 'decoding' && value !== 'async') return ''
    if ((name === 'width' || name === 'height') && !/^[1-9]\d{0,4}$/.test(value)) return ''
    return safeAttrValue(tag, name, value, cssFilter)
  },
})

/** Why the renderer would refuse `markdown` (too long, too much markup, nested too deep, links that multiply), or null. */
export function findMarkdownProblem(markdown: string): string | null {
  try {
    parseMarkdown(markdown)
    return null
  } catch (error) {
    if (error instanceof MarkdownLimitError) return error.message
    throw error
  }
}

/**
 * Renders Markdown to sanitised HTML, in time linear in its length. Headings start at h2: the page
 * title is the only h1. Throws MarkdownLimitError (INVALID) past the bounds findMarkdownProblem names.
 * `env.media` gives library images their sizes (see renderMarkdownWithMedia in markdown-media.ts).
 */
export function renderMarkdown(markdown: string, env: MarkdownRenderEnv = {}): string {
  const tokens = parseMarkdown(markdown)
  return sanitizer.process(markdownParser.renderer.render(tokens, markdownParser.options, env))
}

function parseMarkdown(markdown: string) {
  if (markdown.length > MARKDOWN_MAX_LENGTH) {
    throw new MarkdownLimitError(
      `The body can be at most ${MARKDOWN_MAX_LENGTH} characters; this one has ${markdown.length}.`,
    )
  }
  const markup = countMarkup(markdown)
  if (markup > MARKDOWN_MAX_MARKUP) {
    throw new MarkdownLimitError(
      `The body has too much formatting for one article: ${markup} marks such as *, _, [, |, line breaks and table cells, where ${MARKDOWN_MAX_MARKUP} is the most.`,
    )
  }
  return markdownParser.parse(markdown, {})
}
