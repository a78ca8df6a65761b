// Where related candidates come from: bounded index seeks around an article, never a tag's whole list.
import { type SQL, sql } from 'drizzle-orm'
import { ARTICLE_STATUSES } from '../../lib/vocabulary'
import { articles, articleTags } from '../schema'

/**
 * Candidates per article and tag, on each side: the nearest ids carrying the same tag. Ids grow
 * with creation time, so these are the stories nearest in time, read straight off the
 * (tag_id, article_id) index with no sort. However big a tag grows, an article reads at most this
 * many of its stories on each side; scoring then uses the real publish times.
 *
 * The relation is symmetric (fewer than this many stories of the tag lie between the two), so the
 * 5-minute refresh, which redoes the lists of a changed article's neighbours, reaches every list
 * whose pool the change can enter.
 */
export const NEIGHBOURS_PER_TAG_SIDE = 10
/** Candidates per article from its own section: this many published before it and after it. */
export const SECTION_POOL = 6
const MAX_ID = Number.MAX_SAFE_INTEGER

/**
 * A constant of the code, written into the SQL text rather than bound: SQLite drops a bound
 * constant that no outer query reads, and db-server counts parameters from the bytecode.
 */
export function literal(value: number): SQL {
  return sql.raw(String(Math.trunc(value)))
}

/**
 * `articles` as `alias`, read through the narrow index of all scoring needs of a candidate (schema:
 * articles_related_meta_idx), title and summary included: status and dates sit after the bodies,
 * and on a cold million-article archive even a row's head is a random read across a 12 GB file,
 * where the index is a few hundred MB in id order. Read nothing else of `alias`, or SQLite goes
 * back to the row.
 */
export function articleMeta(alias: 'a' | 'c' | 'm' | 'r'): SQL {
  return sql`${articles} ${sql.raw(alias)} indexed by articles_related_meta_idx`
}

/** Every status but published, for index seeks on `status` (`<>` would scan). */
export const UNPUBLISHED = sql.join(
  ARTICLE_STATUSES.filter((status) => status !== 'published').map((status) => sql`${status}`),
  sql`, `,
)

/**
 * `(source_id, neighbour_id)` for every article of `sources` (a query with an `id` column) and each
 * of its tags: the NEIGHBOURS_PER_TAG_SIDE nearest ids with that tag on each side, whatever their
 * status, in the source's edition (related news never crosses languages; article_tags copies it). Each side is one range seek, bounded by the id found that many entries away. CROSS JOIN
 * holds SQLite to this order: otherwise it may walk the whole tag index and look the sources up.
 */
export function tagNeighbourPairs(sources: SQL): SQL {
  const skip = NEIGHBOURS_PER_TAG_SIDE - 1
  return sql`select s.id as source_id, n.article_id as neighbour_id
    from (${sources}) s
    cross join ${articleTags} st on st.article_id = s.id
    cross join ${articleTags} n on n.tag_id = st.tag_id and n.article_id <> s.id
      and n.language is st.language
      and n.article_id >= coalesce((select x.article_id from ${articleTags} x
        where x.tag_id = st.tag_id and x.article_id < s.id
        order by x.article_id desc limit 1 offset ${literal(skip)}), 0)
      and n.article_id <= coalesce((select x.article_id from ${articleTags} x
        where x.tag_id = st.tag_id and x.article_id > s.id
        order by x.article_id limit 1 offset ${literal(skip)}), ${literal(MAX_ID)})`
}

/**
 * `(source_id, neighbour_id)` for every article of `sources` (a query with `id`, `category_id`,
 * `language` and `at` columns): the SECTION_POOL published articles of its section and edition
 * published just before `at`, and as many just after. Two seeks on the (category_id, status, published_at) index, whose ids come
 * back as a JSON array: joined to `articles` instead, each would cost a read of the article's row.
 */
export function sectionNeighbourPairs(sources: SQL): SQL {
  const side = (where: SQL, order: SQL) => sql`json_each((
      select json_group_array(id) from (
        select a.id from ${articles} a
        where a.category_id = s.category_id and a.language = s.language and a.status = 'published'
          and a.id <> s.id and ${where}
        order by ${order} limit ${literal(SECTION_POOL)}
      )
    ))`
  return sql`select s.id as source_id, j.value as neighbour_id
    from (${sources}) s, ${side(sql`a.published_at <= s.at`, sql`a.published_at desc, a.id desc`)} j
    union all
    select s.id, j.value
    from (${sources}) s, ${side(sql`a.published_at > s.at`, sql`a.published_at, a.id`)} j`
}
