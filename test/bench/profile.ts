// `npm run bench:profile [-- --edge] [N]`: where an uncached article render spends its CPU time.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createApp } from '../../src/app'
import { migrateDatabase, openClient } from '../../src/cli/migrate'
import { seedDatabase } from '../../src/cli/seed'
import { createDb } from '../../src/db/client'
import type { Env } from '../../src/env'
import { freePort } from '../support/stack'
import { profileEdgeRenders } from './edge/profile'
import { summariseProfile } from './profile-summary'

const PATH = '/news/kremlin-first-putin-macron-conversation-since-2022'
const RENDERS = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 400)

/** Groups self time by where the code lives: our layers, or the package that owns it. */
function area(url: string): string {
  const nm = url.lastIndexOf('node_modules/')
  if (nm >= 0) {
    const parts = url.slice(nm + 13).split('/')
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url)
  }
  const src = url.indexOf('/src/')
  if (src >= 0)
    return url
      .slice(src + 1)
      .split('/')
      .slice(0, 2)
      .join('/')
  return url ? 'node internals' : '(native, GC, idle)'
}

async function waitForDbServer(url: string) {
  for (let i = 0; i < 300; i++) {
    try {
      await (await fetch(`${url}/stats`)).arrayBuffer()
      return
    } catch {
      await new Promise((done) => setTimeout(done, 100))
    }
  }
  throw new Error(`the db-server did not answer at ${url}`)
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-profile-'))
  const dbPath = join(dir, 'profile.db')
  const file = openClient(`file:${dbPath}`)
  await migrateDatabase(file)
  await seedDatabase(createDb(file), { now: Date.now(), adminPassword: 'profile-password' })
  file.close()
  // The db-server runs in a process of its own, so the profile holds only what the Worker runs:
  // in production the database's row reads are Turso's CPU, not the Worker's.
  const port = await freePort()
  const server = spawn('tsx', ['src/cli/db-server.ts', '--db', dbPath, '--port', String(port)], {
    stdio: 'ignore',
  })
  const dbUrl = `http://127.0.0.1:${port}`
  await waitForDbServer(dbUrl)
  const env = {
    TURSO_DATABASE_URL: dbUrl,
    IP_HASH_SALT: 'profile-salt',
    SITE_URL: 'http://localhost',
  } as Env
  const app = createApp({ openCache: async () => undefined })
  const ctx = {
    waitUntil() {},
    passThroughOnException() {},
    props: {},
  } as unknown as ExecutionContext
  const render = async () => {
    const response = await app.fetch(new Request(`http://localhost${PATH}`), env, ctx)
    if (response.status !== 200) throw new Error(`render answered ${response.status}`)
    await response.text()
  }
  for (let i = 0; i < 50; i++) await render() // warm up the JIT

  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 100 })
  await session.post('Profiler.start')
  const started = performance.now()
  for (let i = 0; i < RENDERS; i++) await render()
  const elapsed = performance.now() - started
  const { profile } = await session.post('Profiler.stop')
  session.disconnect()
  server.kill('SIGTERM')
  rmSync(dir, { recursive: true, force: true })

  console.log(
    `${RENDERS} uncached renders of ${PATH} in Node: ${(elapsed / RENDERS).toFixed(2)} ms each\n`,
  )
  console.log(summariseProfile(profile, (frame) => area(frame.url)))
}

// `--edge` profiles the built bundle in workerd instead (test/bench/edge/profile.ts); `--hit` there
// profiles cache hits rather than renders.
const run = process.argv.includes('--edge')
  ? () =>
      profileEdgeRenders(
        resolve(import.meta.dirname, '../..'),
        PATH,
        RENDERS,
        process.argv.includes('--hit'),
      )
  : main
run().catch((error) => {
  console.error(error)
  process.exit(1)
})
