// Writes the seed rows in one libSQL batch: one round trip, and all or nothing.
import { sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../../db/client'
import {
  articleAuthors,
  articles,
  articleTags,
  articleViews,
  authors,
  categories,
  categoryEditions,
  comments,
  pages,
  siteState,
  tags,
} from '../../db/schema'
import type { SeedRows } from './rows'

/** Rows per INSERT: well under SQLite's bound-parameter limit even for wide article rows. */
const ROWS_PER_STATEMENT = 100

function chunk<T>(rows: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    out.push(rows.slice(i, i + ROWS_PER_STATEMENT))
  }
  return out
}

/** Parents before children, so foreign keys hold after every statement. */
export async function writeSeedRows(db: Db, rows: SeedRows): Promise<void> {
  const statements: BatchItem<'sqlite'>[] = [
    ...chunk(rows.categories).map((part) =>
      db.insert(categories).values(part).onConflictDoNothing(),
    ),
    ...chunk(rows.tags).map((part) => db.insert(tags).values(part).onConflictDoNothing()),
    ...chunk(rows.articles).map((part) => db.insert(articles).values(part).onConflictDoNothing()),
    ...chunk(rows.articleTags).map((part) =>
      db.insert(articleTags).values(part).onConflictDoNothing(),
    ),
    // After the articles, whose triggers create these rows to count them: only the names are set
    // here, so the counts stay the triggers'.
    ...chunk(rows.categoryEditions ?? []).map((part) =>
      db
        .insert(categoryEditions)
        .values(part)
        .onConflictDoUpdate({
          target: [categoryEditions.categoryId, categoryEditions.language],
          set: { name: sql`excluded.name`, description: sql`excluded.description` },
        }),
    ),
    ...chunk(rows.authors).map((part) => db.insert(authors).values(part).onConflictDoNothing()),
    ...chunk(rows.articleAuthors).map((part) =>
      db.insert(articleAuthors).values(part).onConflictDoNothing(),
    ),
    ...chunk(rows.pages).map((part) => db.insert(pages).values(part).onConflictDoNothing()),
    ...chunk(rows.comments).map((part) => db.insert(comments).values(part).onConflictDoNothing()),
    ...chunk(rows.articleViews).map((part) =>
      db.insert(articleViews).values(part).onConflictDoNothing(),
    ),
    ...rows.siteState.map((row) =>
      db
        .insert(siteState)
        .values(row)
        .onConflictDoUpdate({
          target: siteState.key,
          set: { value: row.value, updatedAt: row.updatedAt },
        }),
    ),
  ]
  const [first, ...rest] = statements
  if (!first) return
  await db.batch([first, ...rest])
}
