// `npm run lighthouse`: audits home and the reference article in Chromium, offline; fails under 95.
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { REFERENCE_SLUG } from '../../src/cli/seed/reference-article'
import { startIsolatedStack } from '../support/stack'

/** The bar for each category; 100 is the aim. */
export const MINIMUM_SCORE = 95
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo']
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'article', path: `/news/${REFERENCE_SLUG}` },
]
const REPORTS = resolve(import.meta.dirname, '../../test-results/lighthouse')
const LIGHTHOUSE_CLI = createRequire(import.meta.url).resolve('lighthouse/cli/index.js')
// The same flags as every browser run here: no background connections on a closed network.
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]

/** The parts of Lighthouse's JSON report (lhr) read here. */
export interface LighthouseReport {
  categories: Record<string, { title: string; score: number | null; auditRefs: { id: string }[] }>
  audits: Record<string, { title: string; score: number | null; scoreDisplayMode: string }>
  runWarnings: string[]
  environment: { benchmarkIndex: number }
}

export interface PageScores {
  name: string
  scores: Record<string, number>
  /** Audits that cost points, by category, so a low score says why. */
  misses: string[]
}

/**
 * Lighthouse's default 4x CPU slowdown turns a high-end desktop (benchmark index 1500-2000) into
 * the mid-tier phone it scores against; its throttling guide says to scale the multiplier to the
 * host's index, so that a slower CI machine is not scored as a slower phone. 4x at the middle of
 * that bracket gives one x per this many index points.
 */
const BENCHMARK_INDEX_PER_SLOWDOWN = 1750 / 4

/** The CPU slowdown that makes this host the reference phone; never below 1 (no speed-up). */
export function calibratedSlowdown(benchmarkIndex: number): number {
  return Math.max(1, Math.round((benchmarkIndex / BENCHMARK_INDEX_PER_SLOWDOWN) * 10) / 10)
}

/**
 * Lighthouse's own words when a trace came back unusable (NO_NAVSTART, NO_DCL, NO_TRACING_STARTED):
 * a fault of the recording, not of the page, and its advice is to run again. CI met one once in
 * about thirty audits of an unchanged home page.
 */
const BAD_TRACE_RECORDING = 'Please run Lighthouse again.'
/** Runs of one audit when the trace is bad, before the fault counts as the page's. */
const ATTEMPTS_PER_AUDIT = 3

/** Whether a failed Lighthouse run is one to run again: a bad trace, and attempts left. */
export function shouldRunAgain(error: unknown, attempt: number): boolean {
  const stderr = (error as { stderr?: unknown } | null)?.stderr
  return (
    attempt < ATTEMPTS_PER_AUDIT &&
    typeof stderr === 'string' &&
    stderr.includes(BAD_TRACE_RECORDING)
  )
}

/**
 * How the audits throttle: applied by Chromium (`devtools`: the page's CPU slowed by the
 * multiplier, its requests delayed as on a slow 4G link), not simulated from the trace (Lighthouse's
 * default). The simulation multiplies each main-thread task's wall time by the slowdown, and on a
 * shared 2-core host a task's wall time is mostly time off the CPU: in a trace of home, tasks of 54
 * and 47 ms wall held 10 and 5.3 ms of the thread's CPU. On 2026-12-02 the simulation scored the
 * same code that passed with 97-100 the day before at 83-93 for home (Total Blocking Time 300-490
 * ms), while applied throttling at the same slowdown gave 96-98 for home and 97-98 for the article,
 * blocking time 0-11 ms, run after run: it slows what the page does, not what the host does to it.
 * Loopback requests make its network delays exact.
 */
const THROTTLING_METHOD = 'devtools'

/**
 * One Lighthouse run in a child process, mobile, against a local Chromium; the JSON report is kept
 * under test-results/.
 */
async function runLighthouse(url: string, output: string, flags: string[], attempt = 1) {
  try {
    await promisify(execFile)(
      process.execPath,
      [
        LIGHTHOUSE_CLI,
        url,
        `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
        '--output=json',
        `--output-path=${output}`,
        '--no-enable-error-reporting',
        '--quiet',
        ...flags,
      ],
      {
        timeout: 180_000,
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' },
      },
    )
  } catch (error) {
    if (!shouldRunAgain(error, attempt)) throw error
    console.error(`lighthouse: the trace of ${url} came back unusable; running it again`)
    return runLighthouse(url, output, flags, attempt + 1)
  }
  return JSON.parse(readFileSync(output, 'utf8')) as LighthouseReport
}

/** Measures this host's benchmark index with a short run (SEO only) of the home page. */
async function measureBenchmarkIndex(origin: string): Promise<number> {
  const report = await runLighthouse(`${origin}/`, join(REPORTS, 'calibration.json'), [
    '--only-categories=seo',
  ])
  return report.environment.benchmarkIndex
}

/**
 * Audits of a page that fell under the bar, before the median decides: five, as Lighthouse's
 * guidance on variability advises. Under simulated throttling three audits of one unchanged home
 * page scored 90, 92 and 97 in one CI run (see THROTTLING_METHOD); the median still guards against
 * a single slow load.
 */
const AUDITS_WHEN_UNDER = 5

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

function passes(scores: PageScores): boolean {
  return CATEGORIES.every((id) => (scores.scores[id] ?? 0) >= MINIMUM_SCORE)
}

/** Each category's median over several audits; the misses are those of the median performance run. */
export function medianScores(runs: readonly PageScores[]): PageScores {
  const scores: Record<string, number> = {}
  for (const id of CATEGORIES) scores[id] = median(runs.map((run) => run.scores[id] ?? 0))
  const byPerformance = [...runs].sort(
    (a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0),
  )
  const middle = byPerformance[Math.floor(byPerformance.length / 2)] as PageScores
  return { name: middle.name, scores, misses: middle.misses }
}

/**
 * Audits a page with the slowdown the host's benchmark indexes call for. The index is one second of
 * work and varies from run to run (1,000 to 1,800 on one idle machine), so every audit measures it
 * again into `indexes` and the slowdown follows their median. Timing scores vary too: a page under
 * the bar is audited up to AUDITS_WHEN_UNDER times in all and judged on the median.
 */
async function auditPage(origin: string, page: { name: string; path: string }, indexes: number[]) {
  const runs: PageScores[] = []
  while (runs.length < AUDITS_WHEN_UNDER) {
    const slowdown = calibratedSlowdown(median(indexes))
    const report = await runLighthouse(
      `${origin}${page.path}`,
      join(REPORTS, `${page.name}-${runs.length + 1}.json`),
      [
        `--only-categories=${CATEGORIES.join(',')}`,
        `--throttling-method=${THROTTLING_METHOD}`,
        `--throttling.cpuSlowdownMultiplier=${slowdown}`,
      ],
    )
    indexes.push(report.environment.benchmarkIndex)
    const scores = summarise(page.name, report)
    runs.push(scores)
    console.error(
      `lighthouse: ${page.name} at ${slowdown}x (benchmark index ${report.environment.benchmarkIndex}): ` +
        CATEGORIES.map((id) => `${id} ${scores.scores[id]}`).join(', '),
    )
    if (runs.length === 1 && passes(scores)) return scores
    // A majority of passing audits decides every category's median; the rest need not run.
    if (runs.filter(passes).length > AUDITS_WHEN_UNDER / 2) break
  }
  return medianScores(runs)
}

/** Each category's score out of 100, and every audit that lost points. */
export function summarise(name: string, report: LighthouseReport): PageScores {
  const scores: Record<string, number> = {}
  const misses: string[] = []
  for (const [id, category] of Object.entries(report.categories)) {
    scores[id] = Math.round((category.score ?? 0) * 100)
    for (const { id: auditId } of category.auditRefs) {
      const audit = report.audits[auditId]
      if (!audit || audit.score === null || audit.score >= 1) continue
      if (['notApplicable', 'manual', 'informative'].includes(audit.scoreDisplayMode)) continue
      misses.push(`${id}: ${audit.title} (${Math.round(audit.score * 100)})`)
    }
  }
  for (const warning of report.runWarnings) misses.push(`warning: ${warning}`)
  return { name, scores, misses }
}

/** Chromium's image Accept header: photo variants are cached per negotiated format. */
const IMAGE_ACCEPT = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8'

/**
 * Fetches the page and every photo variant it names, as earlier readers would have: locally each
 * variant is made on its first request by the Images binding's sharp fallback, about a second of
 * the Worker's CPU, which an edge that has served the page before does not pay.
 */
async function warmPage(origin: string, path: string): Promise<void> {
  const html = await (await fetch(`${origin}${path}`)).text()
  const variants = new Set(html.match(/\/media\/[0-9a-f]+\/[0-9]+\.[a-z]+/g) ?? [])
  for (const variant of variants) {
    await (await fetch(`${origin}${variant}`, { headers: { Accept: IMAGE_ACCEPT } })).arrayBuffer()
  }
}

async function main(): Promise<PageScores[]> {
  mkdirSync(REPORTS, { recursive: true })
  const stack = await startIsolatedStack('lighthouse', { stdio: 'ignore' })
  try {
    await stack.waitUntilReady()
    // Readers get pages from the edge cache; fill it first, as the first reader would.
    for (const page of PAGES) await warmPage(stack.origin, page.path)
    const indexes = [await measureBenchmarkIndex(stack.origin)]
    console.error(`lighthouse: benchmark index ${indexes[0]}`)
    const results: PageScores[] = []
    for (const page of PAGES) {
      console.error(`lighthouse: auditing ${page.path}`)
      results.push(await auditPage(stack.origin, page, indexes))
    }
    return results
  } finally {
    await stack.cleanUp()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main()
    .then((results) => {
      let failed = false
      for (const result of results) {
        const line = CATEGORIES.map((id) => `${id} ${result.scores[id] ?? '?'}`).join(', ')
        console.log(`${result.name}: ${line}`)
        for (const miss of result.misses) console.log(`  ${miss}`)
        failed ||= !passes(result)
      }
      console.log(`Reports: ${REPORTS}`)
      if (failed) {
        console.error(`lighthouse: a score is under ${MINIMUM_SCORE}`)
        process.exitCode = 1
      }
    })
    .catch((error) => {
      console.error(`lighthouse failed: ${error instanceof Error ? error.message : error}`)
      process.exitCode = 1
    })
}
