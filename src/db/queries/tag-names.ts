// A tag's name as an edition shows it: its translation in tag_editions, or else its own name.
import { and, eq, type Placeholder, type SQL, sql } from 'drizzle-orm'
import { tagEditions, tags } from '../schema'

/** The name; the query must left-join tag_editions on `tagEditionOf`. */
export const tagNameInEdition = sql<string>`coalesce(${tagEditions.name}, ${tags.name})`

/** The join condition for a tag's row in an edition (a code, or a column such as the article's). */
export function tagEditionOf(language: string | SQL | Placeholder) {
  return and(eq(tagEditions.tagId, tags.id), eq(tagEditions.language, language))
}
