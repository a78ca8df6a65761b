// Scale archives for `npm run bench -- --scale`: 10k to 1M published articles, built once and reused.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'libsql'
import { migrateDatabase, openClient } from '../../../src/cli/migrate'
import { mulberry32 } from '../../../src/cli/seed/random'
import { LAST_UPDATE_KEY } from '../../../src/db/queries/site-state'
import { utcDay } from '../../../src/lib/time'
import { rareName, seedWords, zipfSampler } from './vocabulary'

/**
 * Bump when the generated data changes, so cached archives are rebuilt rather than mixed. A schema
 * change needs no bump: every archive is brought up to date by the product's own migrations.
 */
const ARCHIVE_VERSION = 2
const DAY = 86_400_000
const YEARS = 10
/** How far a story may be dated before the one filed ahead of it: a backdated or embargoed piece. */
const BACKDATE_MAX_MS = 2 * DAY
const CATEGORIES = 12
const RELATED_PER_ARTICLE = 6
const ROWS_PER_TRANSACTION = 2_000

export interface Archive {
  articles: number
  path: string
  /** Seconds spent building this size (0 when it came from the cache). */
  buildSeconds: number
}

/** The archive's tag vocabulary grows with it, as a newsroom's does, with a long tail. */
export function tagCount(articles: number): number {
  return Math.max(2_000, Math.round(articles / 10))
}

/**
 * Returns an archive of each size, building what the cache folder lacks. Article `id` has the same
 * title, words, section and tags at every size, so a term or slug picked at 10,000 exists at
 * 1,000,000 too. Its date does not: every size spans ten years with ids in date order, as a
 * newsroom's archive grows, so each size is built whole rather than as a copy of a smaller one.
 */
export async function ensureArchives(dir: string, sizes: number[]): Promise<Archive[]> {
  mkdirSync(dir, { recursive: true })
  const archives: Archive[] = []
  for (const articles of [...sizes].sort((a, b) => a - b)) {
    const path = join(dir, `archive-v${ARCHIVE_VERSION}-${articles}.db`)
    let buildSeconds = 0
    if (!existsSync(path)) {
      const started = performance.now()
      const partial = `${path}.partial`
      rmSync(partial, { force: true })
      await migrateArchive(partial)
      appendArticles(partial, articles)
      renameSync(partial, path)
      buildSeconds = Math.round((performance.now() - started) / 100) / 10
    }
    // A cached archive may predate the latest migrations; applying them is what an upgrade does.
    await migrateArchive(path)
    archives.push({ articles, path, buildSeconds })
  }
  return archives
}

async function migrateArchive(path: string): Promise<void> {
  const client = openClient(`file:${path}`)
  try {
    await migrateDatabase(client)
  } finally {
    client.close()
  }
}

/** Everything each article brings: its row, tags, related picks, and comments and views if recent. */
function appendArticles(path: string, to: number): void {
  const db = new Database(path)
  // A throwaway file built in one go: durability buys nothing here, and costs most of the time.
  db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144')
  // Derived data (the search index, section and tag counts, article_tags' copies of status and
  // date) is rebuilt in one pass at the end, cheaper than triggers per row; the triggers come back
  // afterwards, so articles published during the benchmark are kept right by them.
  const triggers = db
    .prepare(
      `select name, sql from sqlite_master where type = 'trigger' and tbl_name in ('articles', 'article_tags')`,
    )
    .all() as { name: string; sql: string }[]
  for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`)
  const now = Date.UTC(2026, 10, 1)
  const tags = tagCount(to)
  const insert = {
    category: db.prepare(
      'insert or ignore into categories (id, slug, name, position) values (?, ?, ?, ?)',
    ),
    tag: db.prepare('insert or ignore into tags (id, slug, name) values (?, ?, ?)'),
    article: db.prepare(
      `insert into articles (id, slug, title, summary, body_md, body_html, category_id, byline,
         status, published_at, updated_at, created_at, language)
       values (?, ?, ?, ?, ?, ?, ?, 'By Scale Desk', 'published', ?, ?, ?, 'en')`,
    ),
    articleTag: db.prepare(
      `insert or ignore into article_tags (article_id, tag_id, status, published_at, language)
       values (?, ?, 'published', ?, 'en')`,
    ),
    related: db.prepare(
      `insert or replace into related_articles (article_id, rank, related_id, score, reason, computed_at)
       values (?, ?, ?, ?, 'same section', ?)`,
    ),
    comment: db.prepare(
      `insert into comments (article_id, author_name, body, status, created_at, ip_hash, idempotency_key)
       values (?, ?, ?, 'approved', ?, 'scale', ?)`,
    ),
    view: db.prepare(
      'insert or replace into article_views (article_id, day, count) values (?, ?, ?)',
    ),
  }
  db.transaction(() => {
    for (let c = 1; c <= CATEGORIES; c++) insert.category.run(c, `section-${c}`, `Section ${c}`, c)
    for (let t = 1; t <= tags; t++) insert.tag.run(t, `tag-${t}`, `Tag ${t} ${rareName(t)}`)
  })()

  const ranked = rankedWords()
  const sampleWord = zipfSampler(ranked.length, 1.07)
  const sampleTag = zipfSampler(tags, 1.0)
  const progress = startProgress(`archive ${to.toLocaleString('en')}`, to)
  for (let start = 1; start <= to; start += ROWS_PER_TRANSACTION) {
    const end = Math.min(to, start + ROWS_PER_TRANSACTION - 1)
    db.transaction(() => {
      for (let id = start; id <= end; id++) {
        // Seeded per article, so article `id` is the same whichever size it is built into.
        const random = mulberry32(id * 2_654_435_761)
        const word = () => ranked[sampleWord(random)] as string
        const filedAt = now - ((to - id) / to) * YEARS * 365 * DAY
        writeArticle(insert, id, { filedAt, now }, random, word, () => sampleTag(random))
      }
    })()
    progress.advance(end - start + 1)
  }
  progress.done()
  // 'rebuild' indexes the text unfolded (migration 0013 folds Arabic); the archive is English.
  process.stderr.write('rebuilding the search index…\n')
  db.exec(`INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')`)
  recountPublished(db)
  for (const { sql } of triggers) db.exec(sql)
  db.prepare('insert or replace into site_state (key, value, updated_at) values (?, ?, ?)').run(
    LAST_UPDATE_KEY,
    new Date(now).toISOString(),
    now,
  )
  db.close()
}

/** What the count triggers keep on write (whole sections and each edition's), counted once. */
function recountPublished(db: Database.Database): void {
  db.exec(`UPDATE categories SET published_count = (SELECT count(*) FROM articles
    WHERE articles.category_id = categories.id AND articles.status = 'published')`)
  db.exec(`UPDATE tags SET published_count = coalesce((SELECT count(*) FROM article_tags
    WHERE article_tags.tag_id = tags.id AND article_tags.status = 'published'), 0)`)
  db.exec(`INSERT OR REPLACE INTO category_editions (category_id, language, published_count)
    SELECT category_id, language, count(*) FROM articles WHERE status = 'published'
    GROUP BY category_id, language`)
  db.exec(`INSERT OR REPLACE INTO tag_editions (tag_id, language, published_count)
    SELECT tag_id, language, count(*) FROM article_tags WHERE status = 'published'
    GROUP BY tag_id, language`)
}

type Inserts = Record<'article' | 'articleTag' | 'related' | 'comment' | 'view', Database.Statement>

/** `filedAt`: where the article's id falls in the archive's ten years; `now`: the archive's today. */
function writeArticle(
  insert: Inserts,
  id: number,
  { filedAt, now }: { filedAt: number; now: number },
  random: () => number,
  word: () => string,
  tag: () => number,
): void {
  const sentence = (length: number) => Array.from({ length }, word).join(' ')
  const title = `${capitalize(sentence(4 + Math.floor(random() * 5)))} in ${capitalize(rareName(id))}`
  const paragraphs: string[] = []
  const target = 400 + Math.floor(random() * 501)
  for (let written = 0; written < target; ) {
    const length = Math.min(target - written, 40 + Math.floor(random() * 80))
    paragraphs.push(`${capitalize(sentence(length))}.`)
    written += length
  }
  // The article's own rare name, so a search for it finds a handful of stories at any size.
  paragraphs[0] = `${capitalize(rareName(id))}: ${paragraphs[0]}`
  const publishedAt = Math.floor(filedAt - random() * BACKDATE_MAX_MS)
  const category = 1 + Math.floor(random() * CATEGORIES)
  insert.article.run(
    id,
    `scale-${id}`,
    title,
    `${capitalize(sentence(20 + Math.floor(random() * 15)))}.`,
    paragraphs.join('\n\n'),
    paragraphs.map((text) => `<p>${text}</p>`).join('\n'),
    category,
    publishedAt,
    publishedAt,
    publishedAt,
  )
  const tagCount = 3 + Math.floor(random() * 4)
  for (let n = 0; n < tagCount; n++) insert.articleTag.run(id, 1 + tag(), publishedAt)
  for (let rank = 1; rank <= RELATED_PER_ARTICLE && id > rank; rank++) {
    insert.related.run(id, rank, 1 + Math.floor(random() * (id - 1)), 1 / rank, now)
  }
  const ageDays = (now - publishedAt) / DAY
  if (ageDays < 30) {
    for (let n = Math.floor(random() * 12); n > 0; n--) {
      insert.comment.run(
        id,
        `Reader ${n}`,
        sentence(25),
        publishedAt + n * 60_000,
        `scale-${id}-${n}`,
      )
    }
    for (let day = 0; day <= ageDays; day++) {
      const count = 1 + Math.floor(random() ** 3 * 2_000)
      insert.view.run(id, utcDay(new Date(now - day * DAY)), count)
    }
  }
}

/** The vocabulary by frequency rank, shuffled once so the frequent words are not simply the first. */
function rankedWords(): string[] {
  const shuffle = mulberry32(7)
  return seedWords().sort(() => shuffle() - 0.5)
}

/** The most frequent word of every archive: a search term that matches nearly every article. */
export function commonWord(): string {
  return rankedWords()[0] as string
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** One line on stderr, rewritten in place: done, rate and time left. */
function startProgress(label: string, total: number) {
  const started = performance.now()
  let done = 0
  let shownAt = 0
  const show = () => {
    const seconds = (performance.now() - started) / 1000
    const rate = done / Math.max(seconds, 0.001)
    const left = rate > 0 ? Math.round((total - done) / rate) : 0
    const width = 30
    const filled = Math.round((done / Math.max(total, 1)) * width)
    process.stderr.write(
      `\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ` +
        `${Math.round(rate)}/s, ${left}s left   `,
    )
  }
  return {
    advance(count: number) {
      done += count
      if (performance.now() - shownAt > 500) {
        shownAt = performance.now()
        show()
      }
    },
    done() {
      show()
      process.stderr.write('\n')
    },
  }
}

/** The archive's file size per article, and the FTS index's share of the file. */
export function measureFootprint(path: string, articles: number) {
  const db = new Database(path, { readonly: true })
  try {
    const pageSize = Number(
      (db.prepare('PRAGMA page_size').get() as { page_size: number }).page_size,
    )
    const ftsPages = db
      .prepare(`select count(*) as pages from dbstat where name like 'articles_fts%'`)
      .get() as { pages: number } | undefined
    const bytes = statSync(path).size
    return {
      bytesPerArticle: Math.round(bytes / articles),
      ftsShare: ftsPages ? Math.round(((ftsPages.pages * pageSize) / bytes) * 1000) / 1000 : null,
      fileMb: Math.round(bytes / 1_048_576),
    }
  } finally {
    db.close()
  }
}
