// connectDbOnUse: the request's database, connected on first use, answers as the real one does.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, it, onTestFinished } from 'vitest'
import { startDbServer } from '../../../src/cli/db-server'
import { migrateDatabase, openClient } from '../../../src/cli/migrate'
import { connectDbOnUse } from '../../../src/db/connect'
import { categories } from '../../../src/db/schema'

/** The local db-server over a migrated file, reached over HTTP as the Worker reaches it. */
async function serveDatabase(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-connect-'))
  const dbPath = join(dir, 't.db')
  const file = openClient(`file:${dbPath}`)
  await migrateDatabase(file)
  file.close()
  const server = await startDbServer({ dbPath, port: 0, quiet: true })
  onTestFinished(async () => {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return server.url
}

describe('connectDbOnUse', () => {
  it('answers queries, batches and transactions like a database connected at once', async () => {
    const db = connectDbOnUse({ url: await serveDatabase(), authToken: undefined, timeoutMs: 5000 })
    await db.insert(categories).values({ slug: 'economy', name: 'Economy' })
    await db.transaction(async (tx) => {
      await tx.update(categories).set({ name: 'The economy' }).where(eq(categories.slug, 'economy'))
    })
    const [names, count] = await db.batch([
      db.select({ name: categories.name }).from(categories).where(eq(categories.slug, 'economy')),
      db.select({ total: sql<number>`count(*)` }).from(categories),
    ])
    expect(names).toEqual([{ name: 'The economy' }])
    expect(count[0]?.total).toBeGreaterThanOrEqual(1)
    expect('batch' in db).toBe(true)
    expect((await db.$client.execute('select 1 as one')).rows[0]?.one).toBe(1)
  })

  it('reports an unreachable database at its first query, as UNAVAILABLE', async () => {
    const db = connectDbOnUse({ url: 'http://127.0.0.1:9', authToken: undefined, timeoutMs: 500 })
    await expect(db.select().from(categories)).rejects.toMatchObject({
      cause: { code: 'UNAVAILABLE' },
    })
  })
})
