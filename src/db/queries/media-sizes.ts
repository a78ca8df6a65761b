// The stored dimensions of library images named in a Markdown body: one query for all of them.
import { inArray } from 'drizzle-orm'
import type { Db } from '../client'
import { media } from '../schema'

export interface MediaSize {
  width: number
  height: number
}

/** Width and height by key for the keys that exist; unknown keys are simply absent. */
export async function findMediaSizes(
  db: Db,
  keys: readonly string[],
): Promise<Map<string, MediaSize>> {
  if (keys.length === 0) return new Map()
  const rows = await db
    .select({ key: media.key, width: media.width, height: media.height })
    .from(media)
    .where(inArray(media.key, [...keys]))
  return new Map(rows.map((row) => [row.key, { width: row.width, height: row.height }]))
}
