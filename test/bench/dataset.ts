// Generated newsrooms for the cron benchmark and the related-refresh scaling test: stories in time order, Zipf tags.
import Database from 'libsql'
import { mulberry32 } from '../../src/cli/seed/random'
import { utcDay } from '../../src/lib/time'
import { seedWords, zipfSampler } from './scale/vocabulary'

const CATEGORIES = 12
/** The scale archive's smallest vocabulary: a few tags on a large share of stories, a long tail. */
const TAGS = 2_000
const PER_DAY = 200
const DAY = 86_400_000
/** Publishing starts here; ids follow publish time, as they do in a newsroom. */
const START = Date.UTC(2026, 0, 1)
const ROWS_PER_TRANSACTION = 2_000

/**
 * Appends articles `from + 1` to `count` to a migrated database file (categories and tags come
 * with the first). Article `id` is the same in every file, so a small file is a prefix of a large
 * one. About 1 % are drafts; a fifth of the published have views on `viewDay`.
 */
export function generateDataset(
  path: string,
  count: number,
  { from = 0, viewDay = utcDay(new Date()) }: { from?: number; viewDay?: string } = {},
): void {
  const db = new Database(path)
  try {
    const insert = {
      category: db.prepare(
        'insert or ignore into categories (id, slug, name, position) values (?, ?, ?, ?)',
      ),
      tag: db.prepare('insert or ignore into tags (id, slug, name) values (?, ?, ?)'),
      article: db.prepare(
        `insert into articles (id, slug, title, summary, body_md, body_html, category_id, byline,
           status, published_at, updated_at, created_at, language)
         values (?, ?, ?, ?, ?, ?, ?, 'By Bench Desk', ?, ?, ?, ?, 'en')`,
      ),
      articleTag: db.prepare(
        'insert or ignore into article_tags (article_id, tag_id) values (?, ?)',
      ),
      view: db.prepare('insert into article_views (article_id, day, count) values (?, ?, ?)'),
    }
    db.transaction(() => {
      for (let c = 1; c <= CATEGORIES; c++) {
        insert.category.run(c, `section-${c}`, `Section ${c}`, c)
      }
      for (let t = 1; t <= TAGS; t++) insert.tag.run(t, `tag-${t}`, `Tag ${t}`)
    })()
    const words = seedWords()
    const sampleWord = zipfSampler(words.length, 1.07)
    const sampleTag = zipfSampler(TAGS, 1.0)
    for (let start = from + 1; start <= count; start += ROWS_PER_TRANSACTION) {
      db.transaction(() => {
        for (let id = start; id <= Math.min(count, start + ROWS_PER_TRANSACTION - 1); id++) {
          // Seeded per article, so article `id` is the same whichever size it is written into.
          const random = mulberry32(id * 2_654_435_761)
          const sentence = (length: number) =>
            Array.from({ length }, () => words[sampleWord(random)]).join(' ')
          const at = START + Math.floor(((id + random()) * DAY) / PER_DAY)
          const status = random() < 0.01 ? 'draft' : 'published'
          const body = `${sentence(40 + Math.floor(random() * 40))}.`
          insert.article.run(
            id,
            `bench-${id}`,
            sentence(4 + Math.floor(random() * 5)),
            `${sentence(20 + Math.floor(random() * 15))}.`,
            body,
            `<p>${body}</p>`,
            1 + Math.floor(random() * CATEGORIES),
            status,
            at,
            at,
            at,
          )
          for (let n = 3 + Math.floor(random() * 4); n > 0; n--) {
            insert.articleTag.run(id, 1 + sampleTag(random))
          }
          if (status === 'published' && random() < 0.2) {
            insert.view.run(id, viewDay, 1 + Math.floor(random() * 500))
          }
        }
      })()
    }
  } finally {
    db.close()
  }
}
