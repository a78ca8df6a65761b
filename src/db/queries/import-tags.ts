// Tags an import declares up front, so their old /tag/… paths have a row to point at.
import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { tags } from '../schema'

export function insertTagsQuery(db: Db, rows: { slug: string; name: string }[]) {
  return db.insert(tags).values(rows).onConflictDoNothing()
}

/** A tag's id inside the batch that may create it. */
export function tagIdBySlugQuery(slug: string): SQL<number> {
  return sql<number>`(select ${tags.id} from ${tags} where ${tags.slug} = ${slug})`
}
