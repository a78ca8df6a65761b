// The shape both readers (WordPress, Ghost) bring items into, before the shared writer takes them.
import type { ArticleStatus } from '../../db/schema'

export interface ImportComment {
  sourceId: string
  /** The top-level comment of its thread (itself when it is one). */
  threadId: string
  authorName: string
  body: string
  status: 'pending' | 'approved' | 'rejected' | 'spam'
  createdAt: Date
}

export interface ImportItem {
  kind: 'article' | 'page'
  sourceId: string
  /** How the report names it: `post 12 "Title"`. */
  label: string
  title: string
  /** The slug the old site used, '' when it had none. */
  slug: string
  bodyMd: string
  summary: string
  /** Pages know only draft and published. */
  status: ArticleStatus
  publishedAt: Date | null
  updatedAt: Date
  /** The section's slug (made beforehand by the source module). */
  sectionSlug: string
  tags: { slug: string; name: string }[]
  /** Author profile ids, in byline order. */
  authorIds: number[]
  byline: string
  imageUrl: string | null
  /** Known once the hero is a library image. */
  imageSize: { width: number; height: number } | null
  /** The featured image's attachment id, when the file had not reached that attachment yet. */
  lateImageId?: string
  /** The body as a conversion worker rendered it, used while `bodyMd` is still what it rendered. */
  rendered?: { bodyMd: string; html: string } | { bodyMd: string; refused: string }
  /** Every image address in the body, as the file has it, for `--media-dir`. */
  images: string[]
  /** Sizes of the library images the body now names, for their srcset at render. */
  mediaSizes: Map<string, { width: number; height: number }>
  comments: ImportComment[]
  /** Old paths (no trailing slash) that should 301 here. */
  legacyPaths: string[]
  warnings: string[]
}
