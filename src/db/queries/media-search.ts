// The picker's page of library images: newest first, optionally matching a word in alt or file name.
import { and, desc, eq, or, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { media } from '../schema'
import { MEDIA_PAGE_SIZE, type MediaRow } from './media'

export interface MediaSearch {
  /** Matched case-insensitively (ASCII) anywhere in the alt text or the file name. */
  text: string
  page: number
  uploadedBy?: number
}

/** One page of matches, plus one row more when another page follows. */
export async function searchMedia(db: Db, search: MediaSearch): Promise<MediaRow[]> {
  const needle = search.text.toLowerCase()
  // instr, not LIKE: a % or _ the editor typed is matched as itself, with nothing to escape.
  const matches = needle
    ? or(
        sql`instr(lower(${media.alt}), ${needle}) > 0`,
        sql`instr(lower(${media.filename}), ${needle}) > 0`,
      )
    : undefined
  const mine = search.uploadedBy === undefined ? undefined : eq(media.uploadedBy, search.uploadedBy)
  return db
    .select()
    .from(media)
    .where(and(matches, mine))
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(MEDIA_PAGE_SIZE + 1)
    .offset((search.page - 1) * MEDIA_PAGE_SIZE)
}
