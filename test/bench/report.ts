// The benchmark report: budgets judged within or over, a table for people and JSON for machines.
import type { BundleSize } from './bundle'
import type { CronScaling } from './cron-cost'
import type { EdgeReport } from './edge/measure-edge'
import { formatEdgeTable, judgeEdgeBudgets } from './edge/report'
import type { LoadResult } from './load'
import { formatMarkdown, judgeMarkdown, type MarkdownReport } from './markdown'
import type { RenderResult } from './render'
import type { PageWeight } from './weight'

export interface BenchReport {
  date: string
  mode: string
  /** The built Worker on workerd without wrangler's proxy: floors, hits, renders, nginx, CPU. */
  edge?: EdgeReport
  /** Hits through wrangler dev's proxy: what the dev proxy costs, not what Bulletin costs. */
  cacheHits?: LoadResult[]
  nginx?: LoadResult[]
  workerdPeakRssMb?: number
  renders?: RenderResult[]
  pageWeight?: PageWeight[]
  bundle?: BundleSize
  cron?: CronScaling
  markdown?: MarkdownReport
  budgets?: BudgetVerdict[]
}

export interface BudgetVerdict {
  name: string
  measured: string
  budget: string
  within: boolean
  /** A deterministic count (`--check` fails on these); timings are informational. */
  hard: boolean
}

export const PAGE_WEIGHT_BUDGET = 35 * 1024
export const BUNDLE_BUDGET = 250 * 1024
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

export function judgeBudgets(report: BenchReport): BudgetVerdict[] {
  const verdicts: BudgetVerdict[] = []
  for (const render of report.renders ?? []) {
    const worst = Math.max(...render.roundTrips)
    verdicts.push({
      name: `${render.name}: DB round trips per uncached render`,
      measured: String(worst),
      budget: '1',
      within: worst <= 1,
      hard: true,
    })
  }
  for (const weight of report.pageWeight ?? []) {
    const path = new URL(weight.url).pathname
    verdicts.push({
      name: `page weight ${path} (gzip)`,
      measured: kb(weight.gzipBytes),
      budget: kb(PAGE_WEIGHT_BUDGET),
      within: weight.gzipBytes <= PAGE_WEIGHT_BUDGET,
      hard: true,
    })
    verdicts.push({
      name: `third-party requests ${path}`,
      measured: String(weight.thirdParty.length),
      budget: '0',
      within: weight.thirdParty.length === 0,
      hard: true,
    })
  }
  if (report.bundle) {
    verdicts.push({
      name: 'Worker bundle (gzip)',
      measured: kb(report.bundle.gzipBytes),
      budget: kb(BUNDLE_BUDGET),
      within: report.bundle.gzipBytes <= BUNDLE_BUDGET,
      hard: true,
    })
  }
  for (const hit of report.cacheHits ?? []) {
    verdicts.push({
      name: `cache hits ${new URL(hit.url).pathname} c=${hit.connections}: errors`,
      measured: String(hit.errors),
      budget: '0',
      within: hit.errors === 0,
      hard: true,
    })
  }
  if (report.markdown) verdicts.push(...judgeMarkdown(report.markdown))
  const article = report.edge?.loads.find((load) => load.target === 'bulletin')?.path
  if (report.edge && article) {
    verdicts.push(...judgeEdgeBudgets(report.edge, article, report.mode !== 'quick'))
  }
  return verdicts
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))]
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)))
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join(
    '\n',
  )
}

export function printReport(report: BenchReport): void {
  const out: string[] = [`Bulletin benchmark (${report.mode}), ${report.date}`, '']
  if (report.edge) out.push(formatEdgeTable(report.edge))
  if (report.cacheHits) {
    out.push(
      'DEV PROXY figures: cache hits through wrangler dev (its Node proxy and Miniflare) vs nginx,',
      'same bytes, autocannon, same run. They measure the dev proxy more than Bulletin:',
    )
    out.push(
      table(
        [
          'page',
          'conns',
          'bulletin req/s',
          'p50 ms',
          'p99 ms',
          'nginx req/s',
          'p50 ms',
          'p99 ms',
          'ratio',
          'errors',
        ],
        report.cacheHits.map((hit, i) => {
          const ref = report.nginx?.[i]
          return [
            new URL(hit.url).pathname.slice(0, 32),
            hit.connections,
            hit.requestsPerSecond,
            hit.p50Ms,
            hit.p99Ms,
            ref?.requestsPerSecond ?? '-',
            ref?.p50Ms ?? '-',
            ref?.p99Ms ?? '-',
            ref ? `${((hit.requestsPerSecond / ref.requestsPerSecond) * 100).toFixed(1)}%` : '-',
            hit.errors,
          ]
        }),
      ),
    )
    out.push(`workerd peak RSS under that load: ${report.workerdPeakRssMb} MB`, '')
  }
  if (report.renders) {
    out.push(
      'DEV PROXY figures: uncached renders through wrangler dev (cache bypassed), sequential:',
    )
    out.push(
      table(
        ['page', 'p50 ms', 'p99 ms', 'DB round trips'],
        report.renders.map((r) => [r.name, r.p50Ms, r.p99Ms, [...new Set(r.roundTrips)].join('/')]),
      ),
      '',
    )
  }
  if (report.pageWeight) {
    out.push('Page weight in Chromium (HTML + CSS + JS, compressed):')
    out.push(
      table(
        ['page', 'requests', 'gzip', 'brotli', 'third-party'],
        report.pageWeight.map((w) => [
          new URL(w.url).pathname.slice(0, 40),
          w.requests.length,
          kb(w.gzipBytes),
          kb(w.brotliBytes),
          w.thirdParty.length,
        ]),
      ),
      '',
    )
  }
  if (report.bundle)
    out.push(
      `Worker bundle: ${kb(report.bundle.bytes)}, ${kb(report.bundle.gzipBytes)} gzipped`,
      '',
    )
  if (report.cron) {
    out.push('Cron cost on generated data:')
    out.push(
      table(
        [
          'articles',
          'full refresh ms',
          'runs',
          'round trips',
          'rows',
          'ms/article',
          '5-min cycle ms',
          'round trips',
          'changed',
        ],
        report.cron.sizes.map((c) => [
          c.articles,
          c.fullRefresh.ms,
          c.fullRefresh.runs,
          c.fullRefresh.roundTrips,
          c.fullRefresh.rowsWritten,
          (c.fullRefresh.ms / c.articles).toFixed(2),
          c.fiveMinuteCycle.ms,
          c.fiveMinuteCycle.roundTrips,
          c.fiveMinuteCycle.changedArticles,
        ]),
      ),
    )
    if (report.cron.timeExponent !== null)
      out.push(`full refresh time grows as articles^${report.cron.timeExponent}`)
    out.push('')
  }
  if (report.markdown) out.push(formatMarkdown(report.markdown))
  out.push('Budgets:')
  out.push(
    table(
      ['budget', 'measured', 'limit', 'verdict'],
      (report.budgets ?? []).map((b) => [
        b.name,
        b.measured,
        b.budget,
        b.within ? 'within' : 'OVER',
      ]),
    ),
  )
  console.log(out.join('\n'))
}
