// `npm run bench:import [-- --posts N]`: a generated WXR imported into the local db-server; rate and peak RSS.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startDbServer } from '../../src/cli/db-server'
import { runImport } from '../../src/cli/import'
import { migrateDatabase, openClient } from '../../src/cli/migrate'
import { createDb } from '../../src/db/client'
import { writeWxr } from './import-wxr'

const { values } = parseArgs({ options: { posts: { type: 'string', default: '100000' } } })
const posts = Number(values.posts)
const dir = mkdtempSync(join(tmpdir(), 'bench-import-'))
try {
  const file = join(dir, 'export.xml')
  await writeWxr(file, posts)
  const dbPath = join(dir, 'import.db')
  const local = openClient(`file:${dbPath}`)
  await migrateDatabase(local)
  local.close()
  const server = await startDbServer({ dbPath, port: 0, quiet: true })
  const client = openClient(server.url)
  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }, 100)
  const started = performance.now()
  // CPU time as well as wall time: on a shared machine the wall clock measures the neighbours too.
  const cpuBefore = process.cpuUsage()
  const { report, error } = await runImport(createDb(client), {
    source: 'wordpress',
    file,
    writeProgress: (text) => process.stderr.write(text),
  })
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  clearInterval(sampler)
  if (error) throw error
  const articles = report.summary().imported.articles ?? 0
  const result = {
    posts,
    fileMB: Math.round(statSync(file).size / 1e5) / 10,
    articles,
    seconds: Math.round(seconds * 10) / 10,
    articlesPerSecond: Math.round(articles / seconds),
    // The importer and the db-server share this process, so this counts both sides' work.
    cpuSeconds: Math.round(cpuSeconds * 10) / 10,
    articlesPerCpuSecond: Math.round(articles / cpuSeconds),
    peakRssMB: Math.round(peakRss / 1e6),
    roundTrips: server.stats().pipelines,
  }
  console.log(JSON.stringify(result, null, 2))
  client.close()
  await server.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
