// The small pieces of WordPress's WXR dialect: CDATA sections, its date format, status words.
import type { ArticleStatus, CommentStatus } from '../db/schema'
import { toZonedInputValue } from '../lib/time'
import type { PageStatus } from '../lib/trust-vocabulary'
import { escapeXml, stripInvalidXmlChars } from '../lib/xml'

/** Wraps text in CDATA; a `]]>` inside is split across two sections, the only way to carry it. */
export function cdata(text: string): string {
  return `<![CDATA[${stripInvalidXmlChars(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
}

/** `<name>text</name>` with the text escaped; `<name>` + CDATA when `raw` is set. */
export function tag(name: string, text: string | number, raw = false): string {
  const value = typeof text === 'number' ? String(text) : raw ? cdata(text) : escapeXml(text)
  return `<${name}>${value}</${name}>`
}

/** WordPress's `post_date`: `YYYY-MM-DD HH:MM:SS`, local to the site's zone or, for `_gmt`, UTC. */
export function wpDate(date: Date | null, timeZone = 'UTC'): string {
  if (!date) return '0000-00-00 00:00:00'
  const seconds = String(date.getUTCSeconds()).padStart(2, '0')
  return `${toZonedInputValue(date, timeZone).replace('T', ' ')}:${seconds}`
}

const POST_STATUS: Record<ArticleStatus | PageStatus, string> = {
  published: 'publish',
  scheduled: 'future',
  draft: 'draft',
  review: 'pending',
  // Taken off the site but kept: WordPress's nearest is a post only its editors can see.
  archived: 'private',
}

export function wpStatus(status: ArticleStatus | PageStatus): string {
  return POST_STATUS[status]
}

const COMMENT_APPROVED: Record<CommentStatus, string> = {
  approved: '1',
  pending: '0',
  spam: 'spam',
  rejected: 'trash',
}

export function wpCommentApproved(status: CommentStatus): string {
  return COMMENT_APPROVED[status]
}

/** Site-relative URLs in rendered HTML made absolute, so images and links work on the new site. */
export function absoluteUrls(html: string, origin: string | undefined): string {
  if (!origin) return html
  return html
    .replace(/\b(src|href)="\/(?!\/)/g, `$1="${origin}/`)
    .replace(/\bsrcset="([^"]*)"/g, (_, list: string) => {
      const absolute = list.replace(/(^|,\s*)\/(?!\/)/g, `$1${origin}/`)
      return `srcset="${absolute}"`
    })
}
