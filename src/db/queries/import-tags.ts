// Tags an import declares up front, so their old /tag/… paths have a row to point at.
import { inArray, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articleTags, tags } from '../schema'

export function insertTagsQuery(db: Db, rows: { slug: string; name: string }[]) {
  return db.insert(tags).values(rows).onConflictDoNothing()
}

/** A tag's id inside the batch that may create it. */
export function tagIdBySlugQuery(slug: string): SQL<number> {
  return sql<number>`(select ${tags.id} from ${tags} where ${tags.slug} = ${slug})`
}

/**
 * Sets an imported article's tags, creating missing ones. Written as plain SQL because drizzle's
 * insert-select wants every column of article_tags, whose copies a trigger fills in.
 */
export function setImportedTagsQueries(
  db: Db,
  articleId: number | SQL<number>,
  wanted: { slug: string; name: string }[],
  /** A new article has no tags to clear. */
  fresh = false,
) {
  const slugs = wanted.map((tag) => tag.slug)
  return [
    ...(wanted.length > 0 ? [insertTagsQuery(db, wanted)] : []),
    ...(fresh
      ? []
      : [db.run(sql`delete from ${articleTags} where ${articleTags.articleId} = ${articleId}`)]),
    ...(slugs.length > 0
      ? [
          db.run(
            sql`insert or ignore into ${articleTags} (article_id, tag_id) select ${articleId}, ${tags.id} from ${tags} where ${inArray(tags.slug, slugs)}`,
          ),
        ]
      : []),
  ]
}
