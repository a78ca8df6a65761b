// Writes cut off by a db-server kill before each of their round trips: each is whole or absent.
import { and, count, eq, like, sql } from 'drizzle-orm'
import { articles, articleTags, auditLog, comments } from '../../src/db/schema'
import { type FaultContext, isClearUnavailable, publishedArticles, uniqueWord } from './context'
import { type Answer, postComment } from './http'
import { type EditorSession, signIn, submitArticleForm } from './newsroom'

/** More cut points than any write here has round trips; the loop ends at the first uncut run. */
const MAX_CUTS = 10

interface Write {
  name: string
  /** A retry carries the same key (comments), so it can never make a second copy. */
  idempotent: boolean
  /** Sends the write; the same call again is the reader's or editor's retry. */
  send(): Promise<Answer>
  succeeded(answer: Answer): boolean
  /** What the database holds for this write: how many copies, and whether each one is whole. */
  inspect(): Promise<{ copies: number; whole: boolean; detail: string }>
}

function commentWrite(origin: string, store: FaultContext['store'], articleId: number): Write {
  const word = uniqueWord()
  const fields = {
    author_name: `Cut reader ${word}`,
    body: `A comment cut off mid-write ${word}`,
    idempotency_key: crypto.randomUUID(),
  }
  const ip = `10.79.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`
  return {
    name: 'a comment post',
    idempotent: true,
    send: () => postComment(origin, articleId, fields, { ip }),
    succeeded: (answer) => answer.status === 303,
    async inspect() {
      const rows = await store
        .select()
        .from(comments)
        .where(eq(comments.idempotencyKey, fields.idempotency_key))
      const whole = rows.every(
        (row) =>
          row.articleId === articleId &&
          row.body === fields.body &&
          row.authorName === fields.author_name &&
          /^[0-9a-f]{64}$/.test(row.ipHash),
      )
      return { copies: rows.length, whole, detail: `${rows.length} rows` }
    },
  }
}

function articleWrite(session: EditorSession, store: FaultContext['store']): Write {
  const word = uniqueWord()
  const tagNames = ['Alpha', 'Beta', 'Gamma'].map((name) => `${name} ${word}`)
  return {
    name: 'an article created with three tags',
    // A form post has no key: if the cut came after the commit, the retry makes a second draft.
    idempotent: false,
    send: () =>
      submitArticleForm(
        session,
        '/editor/articles/new',
        (fields) => {
          fields.set('title', `A story cut off mid-save ${word}`)
          fields.set('summary', `What happened to ${word}`)
          fields.set('body_md', `The body of the story about **${word}**.`)
          fields.set('category', 'international-news')
          fields.set('tags', tagNames.join(', '))
          fields.set('byline', 'By Fault Desk')
          fields.set('intent', 'save')
        },
        '/editor/articles',
      ),
    succeeded: (answer) => answer.status === 303,
    async inspect() {
      const rows = await store
        .select({ id: articles.id, bodyHtml: articles.bodyHtml })
        .from(articles)
        .where(like(articles.title, `%${word}`))
      const details: string[] = []
      let whole = true
      for (const row of rows) {
        const [tagged] = await store
          .select({ n: count() })
          .from(articleTags)
          .where(eq(articleTags.articleId, row.id))
        const [audited] = await store
          .select({ n: count() })
          .from(auditLog)
          .where(and(eq(auditLog.action, 'article.create'), eq(auditLog.targetId, String(row.id))))
        const indexed = await store.get<{ n: number }>(
          sql`select count(*) as n from articles_fts where rowid = ${row.id}`,
        )
        const ok =
          tagged?.n === tagNames.length &&
          audited?.n === 1 &&
          indexed?.n === 1 &&
          row.bodyHtml !== ''
        whole &&= ok
        details.push(
          `#${row.id}: ${tagged?.n} tags, ${audited?.n} audit entries, ${indexed?.n} index rows`,
        )
      }
      return { copies: rows.length, whole, detail: details.join('; ') || 'absent' }
    },
  }
}

/**
 * Kills the db-server just before the write's k-th round trip reaches the database (every round
 * trip waits, so the kill lands in that wait), for k = step, 2 × step, … until the write runs uncut.
 */
async function cutAtRoundTrips(ctx: FaultContext, makeWrite: () => Write, step = 1) {
  const { db, checks, log } = ctx
  const tried: number[] = []
  for (let k = step; k <= MAX_CUTS; k += step) {
    const write = makeWrite()
    await db.control({ delayMs: 400 })
    const base = await db.pipelines()
    let finished = false
    const pending = write.send().finally(() => {
      finished = true
    })
    let reached = false
    while (!finished && !reached) {
      reached = (await db.pipelines()) >= base + k
      if (!reached) await new Promise((done) => setTimeout(done, 10))
    }
    if (!reached) {
      await db.control({ delayMs: 0 })
      const answer = await pending
      checks.expect(
        `${write.name}: runs whole when nothing cuts it (cut before round trips ${tried.join(', ')})`,
        write.succeeded(answer) && (await write.inspect()).copies === 1,
        `status ${answer.status}`,
      )
      return
    }
    await db.kill()
    tried.push(k)
    const answer = await pending
    await db.start()
    const after = await write.inspect()
    checks.expect(
      `${write.name}, cut before round trip ${k}: whole or absent`,
      after.whole && after.copies <= 1,
      `answered ${answer.status}; ${after.detail}`,
    )
    if (!write.succeeded(answer)) {
      checks.expect(
        `${write.name}, cut before round trip ${k}: the answer is a clear 503`,
        isClearUnavailable(answer),
        `status ${answer.status}`,
      )
    }
    const retry = await write.send()
    const final = await write.inspect()
    log(`  retried: ${retry.status}; ${final.detail}`)
    checks.expect(
      `${write.name}, cut before round trip ${k}: the retry leaves whole copies only`,
      write.succeeded(retry) &&
        final.whole &&
        (write.idempotent ? final.copies === 1 : final.copies >= 1),
      `retry answered ${retry.status}; ${final.detail}`,
    )
  }
  checks.expect(`the write finished within ${MAX_CUTS} round trips`, false)
}

export async function cutTransactions(ctx: FaultContext): Promise<void> {
  const [article] = await publishedArticles(ctx.store, 1, 7)
  if (!article) throw new Error('the seed has no published articles')
  await cutAtRoundTrips(ctx, () => commentWrite(ctx.origin, ctx.store, article.id))
  const session = await signIn(ctx.origin, ctx.admin.email, ctx.admin.password)
  // Quick mode cuts the article's save before round trips 2, 4, 6…: half the cut points, the
  // sixth (the write itself) among them.
  await cutAtRoundTrips(ctx, () => articleWrite(session, ctx.store), ctx.quick ? 2 : 1)
}
