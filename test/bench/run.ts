// `npm run bench`: measures every budget in DESIGN.md side by side in one run, and writes a report.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freePort, startIsolatedStack } from '../support/stack'
import { measureBundle } from './bundle'
import { measureCronCost } from './cron-cost'
import { type EdgeReport, measureEdge } from './edge/measure-edge'
import { runLiveBench } from './live'
import { measureLoad } from './load'
import { measureMarkdown } from './markdown'
import { samplePeakRss } from './memory'
import { isNginxInstalled, startNginx } from './nginx'
import { measureRenders } from './render'
import { type BenchReport, judgeBudgets, printReport } from './report'
import { runScaleBench } from './scale/run'
import { measurePageWeights } from './weight'

const args = new Set(process.argv.slice(2))
const quick = args.has('--quick')
const full = args.has('--full')
const check = args.has('--check')
/** Only the edge measurements (the built Worker on workerd), for working on the Worker's CPU. */
const edgeOnly = args.has('--edge')
const root = resolve(import.meta.dirname, '../..')

const ARTICLE = '/news/kremlin-first-putin-macron-conversation-since-2022'
const PAGES = [
  { name: 'article', path: ARTICLE },
  { name: 'home', path: '/' },
  { name: 'category', path: '/category/international-news' },
  { name: 'search', path: '/search?q=macron' },
]

/** The built bundle on workerd without wrangler: floors, hits, renders and nginx in one run. */
function runEdge(): Promise<EdgeReport> {
  return measureEdge({
    root,
    hits: PAGES.slice(0, 2),
    misses: PAGES,
    quick,
    log: (line) => console.error(`bench: ${line}`),
  })
}

async function main(): Promise<BenchReport> {
  if (edgeOnly) return { date: new Date().toISOString(), mode: 'edge', edge: await runEdge() }
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-bench-'))
  const nginxPort = await freePort()
  const log = (line: string) => console.error(`bench: ${line}`)
  const seconds = quick ? 3 : 10
  const stack = await startIsolatedStack('bench', { stdio: 'ignore' })
  const report: BenchReport = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : full ? 'full' : 'normal',
  }
  try {
    await stack.waitUntilReady()
    log(`stack up at ${stack.origin}`)

    // 1 and 2: cache hits against nginx serving the same bytes, same generator, same concurrency.
    const bytes: Record<string, Buffer> = {}
    for (const path of [ARTICLE, '/']) {
      await (await fetch(`${stack.origin}${path}`)).arrayBuffer() // MISS: fills the cache
      const hit = await fetch(`${stack.origin}${path}`)
      if (hit.headers.get('x-cache') !== 'HIT') throw new Error(`${path} is not served from cache`)
      bytes[path] = Buffer.from(await hit.arrayBuffer())
    }
    const memory = samplePeakRss(stack.wrangler.pid ?? process.pid)
    report.cacheHits = []
    for (const path of [ARTICLE, '/']) {
      for (const connections of [1, 50]) {
        log(`cache hits ${path} at ${connections} connections`)
        report.cacheHits.push(await measureLoad(`${stack.origin}${path}`, connections, seconds))
      }
    }
    report.workerdPeakRssMb = Math.round(memory.stop() / 1024)
    if (isNginxInstalled()) {
      const nginx = await startNginx(join(dir, 'nginx'), nginxPort, bytes)
      report.nginx = []
      try {
        for (const path of [ARTICLE, '/']) {
          for (const connections of [1, 50]) {
            log(`nginx ${path} at ${connections} connections`)
            report.nginx.push(await measureLoad(nginx.url(path), connections, seconds))
          }
        }
      } finally {
        await nginx.stop()
      }
    } else {
      log('nginx is not installed (apt-get install nginx); the reference is skipped')
    }

    // 3: uncached renders and their database round trips.
    log('uncached renders')
    report.renders = await measureRenders(stack.origin, stack.dbUrl, PAGES, quick ? 10 : 40)

    // 4: page weight in a real browser.
    log('page weight')
    report.pageWeight = await measurePageWeights([`${stack.origin}${ARTICLE}`, `${stack.origin}/`])
  } finally {
    await stack.cleanUp()
  }
  // After wrangler has stopped, so its processes do not compete with the runtimes measured.
  report.edge = await runEdge()

  // 5: the bundle; 6: cron cost on generated data.
  log('bundle size')
  report.bundle = measureBundle(root)
  log('cron cost')
  report.cron = await measureCronCost(
    join(dir, 'cron'),
    quick ? [1000] : full ? [1000, 10_000, 100_000] : [1000, 10_000],
  )
  rmSync(dir, { recursive: true, force: true })
  // 7: the Markdown renderer on pathological input, against a plain paragraph.
  log('markdown renderer')
  // Best of three even in --quick: the growth ratio is a gate, and best of two let one GC pause
  // through (a long table read 12.0x against 12 once, where it measures 4.4 to 5.4).
  report.markdown = measureMarkdown(undefined, 3)
  return report
}

if (args.has('--live')) {
  // Issue 21's live scenario, on a stack of its own (test/bench/live.ts).
  runLiveBench(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((error) => {
      console.error(`bench --live failed: ${error instanceof Error ? error.stack : error}`)
      process.exit(1)
    })
} else if (args.has('--scale')) {
  runScaleBench(root, process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((error) => {
      console.error(`bench --scale failed: ${error instanceof Error ? error.stack : error}`)
      process.exit(1)
    })
} else {
  main()
    .then((report) => {
      const verdicts = judgeBudgets(report)
      report.budgets = verdicts
      // A partial run (--edge) must not overwrite the full report.
      if (!edgeOnly) {
        writeFileSync(resolve(root, 'bench-results.json'), `${JSON.stringify(report, null, 2)}\n`)
      }
      printReport(report)
      const missedByFar = verdicts.filter((verdict) => verdict.hard && !verdict.within)
      if (check && missedByFar.length > 0) {
        console.error(
          `bench --check: ${missedByFar.map((verdict) => verdict.name).join(', ')} over budget`,
        )
        process.exit(1)
      }
    })
    .catch((error) => {
      console.error(
        `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
      )
      process.exit(1)
    })
}
