// Creating an article cut off at each database call in turn: the draft is whole, or it is absent.
import type { Client } from '@libsql/client'
import { and, count, eq, like } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createDb, type Db } from '../../../src/db/client'
import { insertUser } from '../../../src/db/queries/users'
import { articles, articleTags, auditLog } from '../../../src/db/schema'
import { createArticle } from '../../../src/services/editorial'
import { parseArticleInput } from '../../../src/services/editorial-input'
import { addCategory, freshDb } from '../db/fresh-db'

/** The same database, through a client whose `failAt`-th call fails as a dropped connection would. */
function cutOffAt(db: Db, failAt: number): Db {
  const client = db.$client
  let calls = 0
  const cut = new Proxy(client, {
    get(target, name) {
      const value = Reflect.get(target, name)
      if (name !== 'execute' && name !== 'batch') return value
      return (...args: unknown[]) => {
        calls++
        if (calls === failAt) return Promise.reject(new Error('the connection was reset'))
        return (value as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
  return createDb(cut as Client)
}

async function inspect(db: Db, title: string) {
  const rows = await db
    .select({ id: articles.id })
    .from(articles)
    .where(like(articles.title, title))
  return Promise.all(
    rows.map(async ({ id }) => {
      const [tagged] = await db
        .select({ n: count() })
        .from(articleTags)
        .where(eq(articleTags.articleId, id))
      const [audited] = await db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'article.create'), eq(auditLog.targetId, String(id))))
      return { tags: tagged?.n, audits: audited?.n }
    }),
  )
}

describe('creating an article', () => {
  it('leaves the whole draft or nothing, wherever the database connection drops', async () => {
    const db = await freshDb()
    await addCategory(db, 'world')
    const user = await insertUser(db, {
      email: 'writer@example.test',
      name: 'Writer',
      role: 'author',
      passwordHash: 'unused',
    })
    const actor = { id: user?.id as number, email: 'writer@example.test', name: 'Writer' }
    let completed = false
    for (let failAt = 1; failAt <= 10 && !completed; failAt++) {
      const title = `A story cut at call ${failAt}`
      const input = parseArticleInput({
        title,
        bodyMd: 'Some **text**.',
        category: 'world',
        tags: ['Alpha', 'Beta', 'Gamma'],
      })
      const deps = {
        db: cutOffAt(db, failAt),
        purge: async () => ({ paths: [], tags: [], deleted: 0, failures: [] }),
        siteLanguage: 'en',
        now: new Date(),
      }
      completed = await createArticle(deps, { ...actor, role: 'author' }, input).then(
        () => true,
        () => false,
      )
      const copies = await inspect(db, title)
      if (completed) expect(copies).toEqual([{ tags: 3, audits: 1 }])
      else expect(copies, `cut at call ${failAt}`).toEqual([])
    }
    expect(completed).toBe(true)
  })
})
