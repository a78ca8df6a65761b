// `npm run bench:import [-- --posts N --workers N]`: a generated WXR imported into a db-server process; rate, CPU, peak RSS.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { runImport } from '../../src/cli/import'
import { migrateDatabase, openClient } from '../../src/cli/migrate'
import { createDb } from '../../src/db/client'
import { freePort } from '../support/stack'
import { writeWxr } from './import-wxr'

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '100000' },
    // As the CLI chooses: one core reads and writes, the others convert.
    workers: { type: 'string', default: String(Math.max(1, availableParallelism() - 1)) },
  },
})
const posts = Number(values.posts)
const workers = Number(values.workers)

/** CPU seconds and peak RSS (MB) of another process, from /proc (Linux). */
function processUsage(pid: number) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // utime and stime, in clock ticks (100 a second on Linux).
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / 100
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return { cpuSeconds, peakRssMB: Math.round(Number(hwm?.[1] ?? 0) / 1000) }
}

/**
 * CPU seconds of this process's threads (Linux), sampled while the import runs, since a conversion
 * worker's thread is gone from /proc once the pool closes. Named by kind: main, the conversion
 * workers, and V8's own helpers (garbage collection, compilation).
 */
function createThreadSampler() {
  const seen = new Map<string, { name: string; seconds: number }>()
  const sample = () => {
    for (const tid of readdirSync('/proc/self/task')) {
      let stat: string
      try {
        stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      } catch {
        continue // the thread ended meanwhile
      }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      seen.set(tid, { name, seconds: (Number(fields[11]) + Number(fields[12])) / 100 })
    }
  }
  sample()
  const before = new Map([...seen].map(([tid, t]) => [tid, t.seconds]))
  const timer = setInterval(sample, 250)
  return {
    stop(workerTids: Set<string>): Record<string, number> {
      clearInterval(timer)
      sample()
      const byKind: Record<string, number> = {}
      for (const [tid, { name, seconds }] of seen) {
        const kind =
          tid === String(process.pid) ? 'main' : workerTids.has(tid) ? 'conversion' : name
        byKind[kind] = (byKind[kind] ?? 0) + seconds - (before.get(tid) ?? 0)
      }
      return Object.fromEntries(
        Object.entries(byKind)
          .filter(([, seconds]) => seconds >= 0.05)
          .map(([kind, seconds]) => [kind, Math.round(seconds * 10) / 10]),
      )
    },
  }
}

/** The db-server as in real use: a process of its own, so SQLite's time is not on our cores. */
async function startDbProcess(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/db-server.ts', '--db', dbPath, '--port', String(port)],
    { stdio: 'ignore' },
  )
  for (let tries = 0; tries < 300; tries++) {
    try {
      if ((await fetch(`${url}/stats`)).ok) return { url, child }
    } catch {
      // Not listening yet.
    }
    await sleep(100)
  }
  child.kill()
  throw new Error('the db-server did not start within 30 s')
}

const dir = mkdtempSync(join(tmpdir(), 'bench-import-'))
let server: ChildProcess | undefined
try {
  const file = join(dir, 'export.xml')
  await writeWxr(file, posts)
  const dbPath = join(dir, 'import.db')
  const local = openClient(`file:${dbPath}`)
  await migrateDatabase(local)
  local.close()
  const db = await startDbProcess(dbPath)
  server = db.child
  const client = openClient(db.url)
  const serverBefore = processUsage(server.pid as number)
  const started = performance.now()
  // CPU time as well as wall time: on a shared machine the wall clock measures the neighbours too.
  const cpuBefore = process.cpuUsage()
  const threads = createThreadSampler()
  const tidsBefore = new Set(readdirSync('/proc/self/task'))
  // Threads that appear during the run and are busy are the conversion workers.
  const workerTids = new Set<string>()
  const spotWorkers = setInterval(() => {
    for (const tid of readdirSync('/proc/self/task')) if (!tidsBefore.has(tid)) workerTids.add(tid)
  }, 250)
  const { report, error } = await runImport(createDb(client), {
    source: 'wordpress',
    file,
    workers,
    writeProgress: (text) => process.stderr.write(text),
  })
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  const importerCpu = (cpu.user + cpu.system) / 1e6
  clearInterval(spotWorkers)
  const threadCpuSeconds = threads.stop(workerTids)
  const serverAfter = processUsage(server.pid as number)
  const serverCpu = serverAfter.cpuSeconds - serverBefore.cpuSeconds
  if (error) throw error
  const articles = report.summary().imported.articles ?? 0
  const stats = (await (await fetch(`${db.url}/stats`)).json()) as { pipelines: number }
  const round = (n: number) => Math.round(n * 10) / 10
  const result = {
    posts,
    workers,
    fileMB: round(statSync(file).size / 1e6),
    articles,
    seconds: round(seconds),
    articlesPerSecond: Math.round(articles / seconds),
    // The importer's process, its conversion threads included.
    importerCpuSeconds: round(importerCpu),
    dbServerCpuSeconds: round(serverCpu),
    // Which thread is the bottleneck: main (read, batch, send), conversion, V8's helpers.
    threadCpuSeconds,
    articlesPerCpuSecond: Math.round(articles / (importerCpu + serverCpu)),
    // The whole process's peak (main thread, workers, the generator before them).
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1000),
    dbServerPeakRssMB: serverAfter.peakRssMB,
    roundTrips: stats.pipelines,
    loadAverage: round(loadavg()[0] ?? 0),
  }
  console.log(JSON.stringify(result, null, 2))
  client.close()
} finally {
  server?.kill('SIGTERM')
  rmSync(dir, { recursive: true, force: true })
}
