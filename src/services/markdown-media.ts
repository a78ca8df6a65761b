// Library images in Markdown: their sizes looked up once at save time, so body_html needs no query.
import type { Db } from '../db/client'
import { findMediaSizes, type MediaSize } from '../db/queries/media-sizes'
import { renderMarkdown } from './markdown'

// A body holds at most this many distinct library images worth a lookup; past it they stay plain.
const MAX_KEYS = 200
const MEDIA_REFERENCE = /\/media\/([0-9a-f]{32})(?![0-9a-f])/g

/** The library keys a Markdown text mentions, each once, in order of first mention. */
export function findMediaKeys(markdown: string): string[] {
  const keys = new Set<string>()
  for (const match of markdown.matchAll(MEDIA_REFERENCE)) {
    if (keys.size >= MAX_KEYS) break
    keys.add(match[1] as string)
  }
  return [...keys]
}

/**
 * renderMarkdown with the library's dimensions: `/media/<key>` images get srcset, sizes, width and
 * height. One query for all keys, none when the text names no library image.
 */
export async function renderMarkdownWithMedia(db: Db, markdown: string): Promise<string> {
  const keys = findMediaKeys(markdown)
  const media: ReadonlyMap<string, MediaSize> =
    keys.length > 0 ? await findMediaSizes(db, keys) : new Map()
  return renderMarkdown(markdown, { media })
}
