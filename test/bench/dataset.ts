// Generated data sets for the cron benchmark: N published articles with sections, tags and views.
import type { Client } from '@libsql/client'
import { mulberry32 } from '../../src/cli/seed/random'
import { utcDay } from '../../src/lib/time'

const CATEGORIES = 10
const TAGS = 400
const TAGS_PER_ARTICLE = 3
const DAY = 86_400_000
const WORDS = [
  'talks',
  'summit',
  'energy',
  'markets',
  'election',
  'strike',
  'league',
  'climate',
  'trade',
  'court',
  'budget',
  'vaccine',
]

/** Fills an empty, migrated database with `count` published articles in batched inserts. */
export async function generateDataset(
  client: Client,
  count: number,
  now = Date.now(),
): Promise<void> {
  // Deterministic, so every run measures the same data.
  const rand = mulberry32(count)
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)] as T
  const statements: { sql: string; args: (string | number)[] }[] = []
  for (let c = 1; c <= CATEGORIES; c++) {
    statements.push({
      sql: 'insert into categories (id, slug, name, position) values (?, ?, ?, ?)',
      args: [c, `section-${c}`, `Section ${c}`, c],
    })
  }
  for (let t = 1; t <= TAGS; t++) {
    statements.push({
      sql: 'insert into tags (id, slug, name) values (?, ?, ?)',
      args: [t, `tag-${t}`, `Tag ${t}`],
    })
  }
  await client.batch(statements, 'write')
  const CHUNK = 500
  for (let start = 1; start <= count; start += CHUNK) {
    const batch: { sql: string; args: (string | number)[] }[] = []
    for (let id = start; id < Math.min(start + CHUNK, count + 1); id++) {
      const published = now - Math.floor(rand() * 60 * DAY)
      const title = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} report ${id}`
      batch.push({
        sql: `insert into articles (id, slug, title, summary, body_md, body_html, category_id, byline, status, published_at, updated_at, language)
              values (?, ?, ?, ?, '', '', ?, 'By Bench Desk', 'published', ?, ?, 'en')`,
        args: [
          id,
          `bench-${id}`,
          title,
          `${pick(WORDS)} and ${pick(WORDS)} in brief`,
          1 + (id % CATEGORIES),
          published,
          published,
        ],
      })
      const tagIds = new Set<number>()
      while (tagIds.size < TAGS_PER_ARTICLE) tagIds.add(1 + Math.floor(rand() ** 2 * TAGS))
      for (const tagId of tagIds)
        batch.push({
          sql: 'insert into article_tags (article_id, tag_id) values (?, ?)',
          args: [id, tagId],
        })
      if (rand() < 0.2) {
        batch.push({
          sql: 'insert into article_views (article_id, day, count) values (?, ?, ?)',
          args: [id, utcDay(new Date(now)), 1 + Math.floor(rand() * 500)],
        })
      }
    }
    await client.batch(batch, 'write')
  }
}
