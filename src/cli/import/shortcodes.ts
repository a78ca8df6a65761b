// WordPress shortcodes: [caption] to an image with its caption, [gallery] to images, [embed] to a link.
import { escapeHtml as escapeAttr } from '../../lib/html'

export interface ShortcodeContext {
  /** Attachment ids to their file URLs, for [gallery ids="…"]. */
  attachments: ReadonlyMap<string, string>
  /** A post's own attached images, for a [gallery] with no ids. */
  attachedTo?: (postId: string) => string[]
  postId?: string
}

const CAPTION = /\[(caption|wp_caption)([^\]]*)\]([\s\S]*?)\[\/\1\]/g
const GALLERY = /\[gallery([^\]]*)\]/g
const EMBED = /\[embed[^\]]*\]\s*(\S+?)\s*\[\/embed\]/g
/** A paragraph that is nothing but a URL: WordPress shows it as an embed; here it stays a link. */
const BARE_URL = /(^|<p>|\n)\s*(https?:\/\/[^\s<>"]+)\s*(?=<\/p>|\n|$)/g
const ANY_SHORTCODE = /\[\/?([a-z][a-z0-9_-]*)(?:\s[^\]]*)?\]/g

function attribute(attrs: string, name: string): string {
  return new RegExp(`${name}\\s*=\\s*["']([^"']*)["']`).exec(attrs)?.[1] ?? ''
}

/** Expands the shortcodes Bulletin has an equivalent for; the rest stay as text and are reported. */
export function expandShortcodes(html: string, context: ShortcodeContext, warnings: string[]) {
  let out = html.replace(CAPTION, (_match, _name, attrs: string, inner: string) => {
    const image = /<img\b[^>]*>/i.exec(inner)?.[0] ?? ''
    const text = inner.replace(/<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>/i, '').trim()
    const caption = text || attribute(attrs, 'caption')
    return `<p>${image}</p>${caption ? `<p><em>${caption}</em></p>` : ''}`
  })
  out = out.replace(GALLERY, (_match, attrs: string) => {
    const ids = attribute(attrs, 'ids')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean)
    const urls: string[] = []
    if (ids.length === 0 && context.postId)
      urls.push(...(context.attachedTo?.(context.postId) ?? []))
    for (const id of ids) {
      const url = context.attachments.get(id)
      if (url) urls.push(url)
      else warnings.push('gallery image not found in the file')
    }
    return urls.map((url) => `<p><img src="${escapeAttr(url)}" alt=""></p>`).join('')
  })
  out = out.replace(
    EMBED,
    (_match, url: string) => `<p><a href="${escapeAttr(url)}">${escapeAttr(url)}</a></p>`,
  )
  out = out.replace(
    BARE_URL,
    (_match, before: string, url: string) =>
      `${before}<a href="${escapeAttr(url)}">${escapeAttr(url)}</a>`,
  )
  for (const match of out.matchAll(ANY_SHORTCODE)) {
    if (!match[0].startsWith('[/')) warnings.push(`unknown shortcode [${match[1]}] kept as text`)
  }
  return out
}
