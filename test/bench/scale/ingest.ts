// The ingest rate at each archive size: a burst of saves through the token API, and the purge work each queues.
import { createClient } from '@libsql/client/web'
import { mulberry32 } from '../../../src/cli/seed/random'
import { createAccount } from '../../../src/cli/user-create'
import { createDb } from '../../../src/db/client'
import { loadPurgeFacts } from '../../../src/db/queries/purge'
import { createApiToken } from '../../../src/services/api-tokens'
import { purgeTargetsFor } from '../../../src/services/purge-targets'
import { percentile } from '../render'
import { seedWords, zipfSampler } from './vocabulary'

/** A burst of 100 saves in a minute: one every 600 ms, each a create and then a publish. */
const BURST_INTERVAL_MS = 600

export interface IngestResult {
  saves: number
  /** Create plus publish, as the API client sees it. */
  p50Ms: number
  p99Ms: number
  failures: number
  /** The URLs and cache tags one publish purges: median and most. */
  purgePathsP50: number
  purgePathsMax: number
  purgeTags: number
}

/** A story of 400–900 words on the archive's Zipf-tagged vocabulary, in the API's JSON shape. */
function storyFor(n: number, words: string[], tags: number) {
  const random = mulberry32(900_000_000 + n)
  const pickWord = zipfSampler(words.length, 1.07)
  const pickTag = zipfSampler(tags, 1.0)
  const sentence = (length: number) =>
    Array.from({ length }, () => words[pickWord(random)]).join(' ')
  const paragraphs = Array.from({ length: 6 + Math.floor(random() * 6) }, () => `${sentence(80)}.`)
  return {
    title: `Ingest ${n} ${sentence(6)}`,
    category: `section-${1 + Math.floor(random() * 12)}`,
    summary: `${sentence(24)}.`,
    bodyMd: paragraphs.join('\n\n'),
    tags: Array.from({ length: 4 }, () => `Tag ${1 + pickTag(random)}`),
  }
}

async function post(url: string, token: string, body?: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  })
}

/** Saves `count` stories at the burst's pace through the stack, then counts each one's purge. */
export async function measureIngest(
  origin: string,
  dbUrl: string,
  tags: number,
  count: number,
): Promise<IngestResult> {
  const client = createClient({ url: dbUrl })
  const db = createDb(client)
  try {
    const stamp = Date.now()
    const password = `bench-${stamp}-Correct-Horse-Battery`
    const account = (role: string) =>
      createAccount(db, {
        email: `${role}-${stamp}@bench.test`,
        role,
        password,
        iterations: 10_000,
      })
    const admin = await account('admin')
    const editor = await account('editor')
    const actor = {
      id: admin.id,
      email: `admin-${stamp}@bench.test`,
      name: 'Bench',
      role: 'admin' as const,
    }
    const { token } = await createApiToken(db, actor, {
      userId: editor.id,
      name: 'scale ingest',
      scopes: ['articles:write', 'articles:publish'],
    })
    const words = seedWords()
    const times: number[] = []
    const ids: number[] = []
    let failures = 0
    const started = performance.now()
    for (let n = 0; n < count; n++) {
      const wait = started + n * BURST_INTERVAL_MS - performance.now()
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      const before = performance.now()
      const created = await post(`${origin}/api/v1/articles`, token, storyFor(n, words, tags))
      const { id } = (await created.json()) as { id?: number }
      const published = id
        ? await post(`${origin}/api/v1/articles/${id}/publish`, token)
        : undefined
      await published?.arrayBuffer()
      times.push(performance.now() - before)
      if (created.status !== 201 || published?.status !== 200 || !id) failures++
      else ids.push(id)
    }
    times.sort((a, b) => a - b)
    const purges = await Promise.all(
      ids.map(async (id) =>
        purgeTargetsFor([{ kind: 'article', articleId: id }], await loadPurgeFacts(db, [id])),
      ),
    )
    const pathCounts = purges.map((targets) => targets.paths.length).sort((a, b) => a - b)
    return {
      saves: count,
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      failures,
      purgePathsP50: percentile(pathCounts, 50),
      purgePathsMax: pathCounts.at(-1) ?? 0,
      purgeTags: Math.max(0, ...purges.map((targets) => targets.tags.length)),
    }
  } finally {
    client.close()
  }
}
