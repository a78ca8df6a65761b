// The Markdown parser behind renderMarkdown: markdown-it, linear in its input, with our bounds and link rules.
import MarkdownIt, { type RendererRule, type Token } from 'markdown-it'
import { BODY_MAX } from '../lib/article-input-limits'
import { AppError } from '../lib/errors'
import { escapeHtml } from '../lib/html'
import { classifyUrl, toImageSource } from '../lib/link-target'
import { libraryImageAttributes } from './markdown-media-attrs'

/** The longest body the renderer takes, in UTF-16 code units: the form's and the API's own limit. */
export const MARKDOWN_MAX_LENGTH = BODY_MAX
/** How many quotes and lists may sit inside one another. */
export const MARKDOWN_MAX_DEPTH = 8

/** What a render may know besides the text: library images' stored sizes, by key. */
export type MarkdownRenderEnv = {
  media?: ReadonlyMap<string, { width: number; height: number }>
}

/** A body the renderer will not take on: the message says which bound it passed. */
export class MarkdownLimitError extends AppError {
  constructor(message: string) {
    super('INVALID', message)
  }
}

const CONTAINERS = new Set(['blockquote_open', 'bullet_list_open', 'ordered_list_open'])
const CONTAINER_ENDS = new Set(['blockquote_close', 'bullet_list_close', 'ordered_list_close'])

/**
 * markdown-it drops whatever lies deeper than `maxNesting` block levels. A list level takes two
 * (list and item), so this ceiling is only reached past MARKDOWN_MAX_DEPTH, which is refused first:
 * nothing an author wrote is ever silently lost. It also bounds inline nesting (links in emphasis…).
 */
const MAX_NESTING = 2 * MARKDOWN_MAX_DEPTH + 4

export const markdownParser = new MarkdownIt('default', {
  html: false, // raw HTML in Markdown is shown as text, never passed through
  linkify: true,
  typographer: false,
  maxNesting: MAX_NESTING,
})

// Every destination, inline, by reference, autolinked or linkified, is classified once, here.
markdownParser.normalizeLink = (url) => classifyUrl(url)?.href ?? ''
markdownParser.validateLink = (href) => href !== ''

markdownParser.core.ruler.after('block', 'bulletin_depth', (state) => {
  let depth = 0
  for (const token of state.tokens) {
    if (CONTAINERS.has(token.type)) depth++
    else if (CONTAINER_ENDS.has(token.type)) depth--
    if (depth > MARKDOWN_MAX_DEPTH) {
      throw new MarkdownLimitError(
        `Quotes and lists can sit at most ${MARKDOWN_MAX_DEPTH} deep inside one another.`,
      )
    }
  }
})

markdownParser.core.ruler.push('bulletin_tags', (state) => {
  // A reference definition is written once but copied into every link that uses it: the only way
  // for the output to outgrow its input by more than a constant factor. Bound what it may add.
  let copied = 0
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.children) visit(token.children)
      if (token.type === 'link_open' || token.type === 'image') {
        for (const [, value] of token.attrs ?? []) copied += String(value).length
      }
      if (token.tag === 'h1') token.tag = 'h2' // the page title is the only h1
      if (token.tag === 's') token.tag = 'del'
      alignCell(token)
    }
  }
  visit(state.tokens)
  // Percent-encoding may lengthen a URL up to ninefold, so honest links stay well inside this.
  if (copied > 10 * MARKDOWN_MAX_LENGTH) {
    throw new MarkdownLimitError(
      'The links add up to more than the body may hold: is one link reference used very often?',
    )
  }
})

/** Table alignment as the `align` attribute that the sanitiser allows, not an inline style. */
function alignCell(token: Token) {
  if (token.type !== 'th_open' && token.type !== 'td_open') return
  const style = String(token.attrGet('style') ?? '')
  if (!style) return
  token.attrs = [['align', style.replace('text-align:', '')]]
}

const rules = markdownParser.renderer.rules
const renderDefault: RendererRule = (tokens, idx, options, _env, self) =>
  self.renderToken(tokens, idx, options)

rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx] as Token
  if (classifyUrl(String(token.attrGet('href') ?? ''))?.kind === 'external')
    token.attrSet('rel', 'noopener')
  return renderDefault(tokens, idx, options, env, self)
}

rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx] as Token
  const alt = self.renderInlineAsText(token.children ?? [], options, env)
  const src = toImageSource(String(token.attrGet('src') ?? ''))
  if (!src) return escapeHtml(alt)
  const title = String(token.attrGet('title') ?? '')
  const titleAttr = title ? ` title="${escapeHtml(title)}"` : ''
  // A library image gets its variants beside it, so a phone never loads the desktop size.
  const library = libraryImageAttributes(src, (env as MarkdownRenderEnv).media)
  const attrs = Object.entries(library.attrs)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('')
  return `<img src="${escapeHtml(library.src)}" alt="${escapeHtml(alt)}"${titleAttr}${attrs} loading="lazy">`
}
