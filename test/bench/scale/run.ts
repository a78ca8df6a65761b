// `npm run bench -- --scale`: the same pages and crons at 10k, 100k and 1M articles, side by side.
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ensureArchives } from './archive'
import { measureScale, type ScaleResult } from './measure'

const DEFAULT_SIZES = [10_000, 100_000, 1_000_000]
/** The issue's bars: pages and related lists within 1.5x of the smallest size, no round trip over 1 s. */
const PAGE_RATIO_LIMIT = 1.5
const SLOWEST_ROUND_TRIP_MS = 1_000

/** Runs the scale benchmark; `--scale-sizes 10000,100000` picks the sizes. Returns the exit code. */
export async function runScaleBench(root: string, argv: string[]): Promise<number> {
  const sizesArg = argv[argv.indexOf('--scale-sizes') + 1]
  const sizes =
    argv.includes('--scale-sizes') && sizesArg ? sizesArg.split(',').map(Number) : DEFAULT_SIZES
  const log = (line: string) => console.error(`bench: ${line}`)
  const started = performance.now()
  const archives = await ensureArchives(resolve(root, '.cache/bench-scale'), sizes)
  log(`archives ready in ${Math.round((performance.now() - started) / 1000)} s`)
  const quick = argv.includes('--quick')
  const results = await measureScale(archives, quick ? 5 : 15, quick ? 20 : 100, log)
  const path = resolve(root, 'bench-results.json')
  const previous = readPrevious(path)
  writeFileSync(
    path,
    `${JSON.stringify({ ...previous, scale: { date: new Date().toISOString(), results } }, null, 2)}\n`,
  )
  const problems = printScaleTable(results)
  if (argv.includes('--check') && problems.length > 0) {
    console.error(`bench --scale --check: ${problems.join('; ')}`)
    return 1
  }
  return 0
}

function readPrevious(path: string): object {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return {}
  }
}

/** Prints pages and crons as rows, sizes as columns; returns what misses the issue's bars. */
export function printScaleTable(results: ScaleResult[]): string[] {
  const problems: string[] = []
  const [smallest] = results
  const largest = results.at(-1)
  if (!smallest || !largest) return problems
  const sizes = results.map((result) => result.articles.toLocaleString('en'))
  console.log(`\n| page (p50 ms / p99 ms / round trips) | ${sizes.join(' | ')} | ratio |`)
  console.log(`|---|${sizes.map(() => '---|').join('')}---|`)
  for (const [index, page] of smallest.pages.entries()) {
    const cells = results.map((result) => {
      const at = result.pages[index]
      if (!at) return '–'
      if (at.slowestMs > SLOWEST_ROUND_TRIP_MS) {
        problems.push(`${page.name} at ${result.articles}: a round trip of ${at.slowestMs} ms`)
      }
      if (at.roundTrips !== 1)
        problems.push(`${page.name} at ${result.articles}: ${at.roundTrips} round trips`)
      if (at.failures > 0)
        problems.push(`${page.name} at ${result.articles}: ${at.failures} failed`)
      return `${at.p50Ms} / ${at.p99Ms} / ${at.roundTrips}${at.failures ? ` (${at.failures} failed)` : ''}`
    })
    const ratio = (largest.pages[index]?.p50Ms ?? 0) / Math.max(page.p50Ms, 0.01)
    if (ratio > PAGE_RATIO_LIMIT) problems.push(`${page.name}: ${ratio.toFixed(2)}x`)
    console.log(`| ${page.name} | ${cells.join(' | ')} | ${ratio.toFixed(2)}x |`)
  }
  console.log(`\n| cron run (ms / round trips / rows sent / slowest ms) | ${sizes.join(' | ')} |`)
  console.log(`|---|${sizes.map(() => '---|').join('')}`)
  for (const [index, run] of smallest.cron.entries()) {
    // The related refresh is judged per list: a run does a bounded number of lists at any size.
    const largestRun = largest.cron[index]
    if (run.lists > 0 && largestRun && largestRun.lists > 0) {
      const ratio = largestRun.ms / largestRun.lists / (run.ms / run.lists)
      if (ratio > PAGE_RATIO_LIMIT) problems.push(`${run.name}: ${ratio.toFixed(2)}x a list`)
    }
    const cells = results.map((result) => {
      const at = result.cron[index]
      if (!at) return '–'
      if (at.slowestMs > SLOWEST_ROUND_TRIP_MS) {
        problems.push(`${run.name} at ${result.articles}: a round trip of ${at.slowestMs} ms`)
      }
      const perList =
        at.lists > 0
          ? `, ${at.lists} lists, ${(at.ms / at.lists).toFixed(1)} ms and ${Math.round(at.rows / at.lists)} rows each`
          : ''
      return `${at.ms} / ${at.roundTrips} / ${at.rows} / ${at.slowestMs}${perList}${at.status === 'ok' ? '' : ` (${at.status})`}`
    })
    console.log(`| ${run.name} | ${cells.join(' | ')} |`)
  }
  console.log(`\n| ingest: save (create + publish) | ${sizes.join(' | ')} |`)
  console.log(`|---|${sizes.map(() => '---|').join('')}`)
  const ingestRow = (label: string, cell: (ingest: ScaleResult['ingest']) => string | number) =>
    console.log(`| ${label} | ${results.map((r) => cell(r.ingest)).join(' | ')} |`)
  ingestRow('saves (failed)', (i) => `${i.saves} (${i.failures})`)
  ingestRow('p50 / p99 ms', (i) => `${i.p50Ms} / ${i.p99Ms}`)
  ingestRow(
    'URLs purged per publish, median / most',
    (i) => `${i.purgePathsP50} / ${i.purgePathsMax}`,
  )
  ingestRow('cache tags purged per publish', (i) => i.purgeTags)
  for (const result of results) {
    if (result.ingest.failures > 0) {
      problems.push(`ingest at ${result.articles}: ${result.ingest.failures} saves failed`)
    }
  }
  console.log(`\n| archive | ${sizes.join(' | ')} |`)
  console.log(`|---|${sizes.map(() => '---|').join('')}`)
  console.log(`| build (s) | ${results.map((r) => r.buildSeconds || 'cached').join(' | ')} |`)
  console.log(`| file (MB) | ${results.map((r) => r.footprint.fileMb).join(' | ')} |`)
  console.log(
    `| bytes per article | ${results.map((r) => r.footprint.bytesPerArticle).join(' | ')} |`,
  )
  console.log(`| FTS share | ${results.map((r) => r.footprint.ftsShare).join(' | ')} |`)
  return problems
}
