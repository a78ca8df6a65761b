// The related refresh is linear: per article, 20,000 stories cost about what 2,000 do (a ratio, not a time).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateDatabase, openClient } from '../../../src/cli/migrate'
import { createDb } from '../../../src/db/client'
import { type RefreshDeps, refreshListChunk } from '../../../src/services/related-refresh'
import { generateDataset } from '../../bench/dataset'

const SMALL = 2_000
const LARGE = 20_000
const CHUNK = 200
const CHUNKS = SMALL / CHUNK

const dir = mkdtempSync(join(tmpdir(), 'bulletin-related-linear-'))
const clients: { close(): void }[] = []

/** A refresh of `path`, as the cron runs it: chunks of CHUNK lists, purging nothing. */
function openRefresh(path: string): RefreshDeps {
  const client = openClient(`file:${path}`)
  clients.push(client)
  const purge = async () => ({ paths: [], tags: [], deleted: 0, failures: [] })
  return { db: createDb(client), now: new Date(), purge }
}

async function timeChunk(deps: RefreshDeps, afterId: number) {
  const started = performance.now()
  const { counts, lastId } = await refreshListChunk(deps, afterId, CHUNK)
  return { ms: performance.now() - started, lists: counts.recomputed, lastId }
}

beforeAll(async () => {
  const small = join(dir, 'small.db')
  const client = openClient(`file:${small}`)
  await migrateDatabase(client)
  client.close()
  generateDataset(small, SMALL)
  // The first 2,000 stories of the large file are the small file's, so only the size differs.
  copyFileSync(small, join(dir, 'large.db'))
  generateDataset(join(dir, 'large.db'), LARGE, { from: SMALL })
}, 120_000)

afterAll(() => {
  for (const client of clients) client.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the full related refresh', () => {
  it('spends no more than twice as long per article on 20,000 stories as on 2,000', async () => {
    const small = openRefresh(join(dir, 'small.db'))
    const large = openRefresh(join(dir, 'large.db'))
    // Warm both files and the code first, so that neither side pays for a cold start.
    await timeChunk(small, SMALL - CHUNK)
    await timeChunk(large, LARGE - CHUNK)
    // The whole small file, chunk by chunk, against as many chunks spread over the large one;
    // interleaved, so that whatever else loads the machine weighs on both alike.
    const totals = { small: { ms: 0, lists: 0 }, large: { ms: 0, lists: 0 } }
    let afterId: number | null = 0
    for (let i = 0; i < CHUNKS && afterId !== null; i++) {
      const fromSmall = await timeChunk(small, afterId)
      const fromLarge = await timeChunk(large, (i * LARGE) / CHUNKS + CHUNK)
      for (const [side, chunk] of [
        ['small', fromSmall],
        ['large', fromLarge],
      ] as const) {
        expect(chunk.lists).toBeGreaterThan(0)
        totals[side].ms += chunk.ms
        totals[side].lists += chunk.lists
      }
      afterId = fromSmall.lastId
    }
    expect(totals.small.lists).toBeGreaterThan(0.95 * SMALL)
    expect(totals.large.lists).toBeGreaterThan(0.95 * SMALL)
    const perArticle = {
      small: totals.small.ms / totals.small.lists,
      large: totals.large.ms / totals.large.lists,
    }
    expect(perArticle.large / perArticle.small, JSON.stringify(perArticle)).toBeLessThan(2)
  }, 180_000)
})
