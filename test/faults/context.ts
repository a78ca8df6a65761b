// What every fault scenario gets: the running stack, its killable database, direct file access, checks.
import { and, desc, eq } from 'drizzle-orm'
import { parse } from 'node-html-parser'
import type { Db } from '../../src/db/client'
import { articles } from '../../src/db/schema'
import type { Checks } from './checks'
import type { DbProcess } from './db-process'
import type { Answer } from './http'

export interface FaultContext {
  /** The Worker under wrangler dev. */
  origin: string
  db: DbProcess
  /** The same libSQL file, opened directly: fixtures go in and what was written is read back. */
  store: Db
  checks: Checks
  log(line: string): void
  admin: { email: string; password: string }
  /** DB_TIMEOUT_MS as the Worker was started with it. */
  dbTimeoutMs: number
  /** `--quick` (CI): shorter load, fewer cut points, no waiting out a lease; the same checks. */
  quick: boolean
}

export function uniqueWord(): string {
  return `fz${crypto.randomUUID().replace(/-/g, '').slice(0, 10)}`
}

/** Published articles from the seed, newest first, skipping `skip` of them. */
export async function publishedArticles(store: Db, count: number, skip = 0) {
  return store
    .select({ id: articles.id, slug: articles.slug })
    .from(articles)
    .where(and(eq(articles.status, 'published'), eq(articles.commentsClosed, false)))
    .orderBy(desc(articles.publishedAt))
    .limit(count)
    .offset(skip)
}

/** The text of the form's comment box in an answer: what the reader typed, if it was kept. */
export function keptCommentText(answer: Answer): string {
  return parse(answer.text).querySelector('textarea[name="body"]')?.textContent.trim() ?? ''
}

/** A 503 a reader can act on: Retry-After, and no stack trace or SQL in the page. */
export function isClearUnavailable(answer: Answer): boolean {
  const leak =
    /(\n\s+at\s|\.tsx?:\d+|SQLITE_|LibsqlError|Failed query|\bselect\b[^<]{0,80}\bfrom\b)/i
  return answer.status === 503 && answer.headers.has('retry-after') && !leak.test(answer.text)
}

/** Polls `probe` every `everyMs` until it returns something truthy or `withinMs` pass. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  withinMs: number,
  everyMs = 25,
): Promise<T | undefined> {
  const deadline = Date.now() + withinMs
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined)
    if (value) return value
    await new Promise((done) => setTimeout(done, everyMs))
  }
  return undefined
}
