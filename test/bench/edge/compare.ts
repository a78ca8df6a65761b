// `npm run bench:compare -- A/index.js B/index.js`: two or more built bundles' CPU per request, side by side.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startDbServer } from '../../../src/cli/db-server'
import { measureEdgeLoad } from './measure'
import { prepareDatabase } from './measure-edge'
import { bundleWorker, type EdgeRuntime, startRuntime } from './runtime'

const ARTICLE = '/news/kremlin-first-putin-macron-conversation-since-2022'
const USAGE = `usage: npm run bench:compare -- [--hits] [--path=/x] [--rounds=6] A/index.js B/index.js …
Each bundle is a \`wrangler deploy --dry-run --outdir DIR\` build (DIR/index.js) of a checkout.`

const args = process.argv.slice(2)
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1]
const hits = args.includes('--hits')
const path = option('path') ?? ARTICLE
const rounds = Number(option('rounds') ?? 6)
const bundles = args.filter((arg) => !arg.startsWith('--')).map((arg) => resolve(arg))
/** Requests per chunk at 1 and 50 connections: a render costs several times a hit. */
const AMOUNTS = hits ? { 1: 1500, 50: 4000 } : { 1: 200, 50: 500 }

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/**
 * Every bundle on its own workerd against one db-server, measured in rounds that take turns
 * (reversed every other round), so a change in the machine's load falls on all of them alike:
 * the way a change's effect on CPU is told from this machine's noise. Renders by default (the
 * Cache API off, as the benchmark's "render (miss)" rows); `--hits` serves the page from the cache.
 */
async function compare() {
  if (bundles.length < 2) throw new Error(USAGE)
  const root = resolve(import.meta.dirname, '../../..')
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-compare-'))
  const runtimes: EdgeRuntime[] = []
  await prepareDatabase(join(dir, 'edge.db'))
  const db = await startDbServer({ dbPath: join(dir, 'edge.db'), port: 0, quiet: true })
  try {
    const vars = {
      TURSO_DATABASE_URL: db.url,
      IP_HASH_SALT: 'bench-salt',
      SITE_URL: 'http://localhost',
    }
    for (const [i, bundle] of bundles.entries()) {
      runtimes.push(await startRuntime(`bundle-${i}`, bundleWorker(root, bundle, vars, hits), root))
    }
    const cpu = new Map<string, number[]>()
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 ? [...runtimes].reverse() : runtimes
      for (const runtime of order) {
        for (const connections of [1, 50] as const) {
          const load = await measureEdgeLoad(runtime, path, connections, AMOUNTS[connections], {
            warmUp: round === 0,
          })
          if (load.errors > 0) throw new Error(`${runtime.name}: ${load.errors} errors on ${path}`)
          const key = `${runtime.name} c=${connections}`
          cpu.set(key, [...(cpu.get(key) ?? []), load.cpuMsPerRequest])
        }
      }
    }
    console.log(`CPU ms per request of ${hits ? 'cache hits' : 'uncached renders'} of ${path}`)
    for (const [i, bundle] of bundles.entries()) console.log(`bundle-${i}: ${bundle}`)
    for (const [key, values] of cpu) {
      const each = values.map((value) => value.toFixed(2)).join(' ')
      console.log(`${key.padEnd(16)} median ${median(values).toFixed(2)}  rounds ${each}`)
    }
  } finally {
    for (const runtime of runtimes) await runtime.dispose().catch(() => {})
    await db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

compare().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
