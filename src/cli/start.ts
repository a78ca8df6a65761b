// `npm start`: the whole service locally — migrated, seeded libSQL file, db-server, wrangler dev, crons.
import { type ChildProcess, spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { createDb } from '../db/client'
import { CRON_EVERY_FIVE_MINUTES } from '../jobs'
import { startDbServer } from './db-server'
import { migrateDatabase, openClient } from './migrate'
import { seedDatabase } from './seed'

const port = Number(process.env.PORT ?? 8787)
const dbPort = Number(process.env.DB_PORT ?? 8080)
const dbPath = resolve(process.env.BULLETIN_DB ?? 'data/bulletin.db')
const CRON_INTERVAL_MS = 60_000

async function prepareDatabase(): Promise<void> {
  const client = openClient(`file:${dbPath}`)
  try {
    await migrateDatabase(client)
    const result = await seedDatabase(createDb(client), {
      now: Date.now(),
      adminEmail: process.env.SEED_ADMIN_EMAIL,
      adminPassword: process.env.SEED_ADMIN_PASSWORD,
    })
    if (result.seeded) console.log(`Seeded ${result.articles} demo articles into ${dbPath}`)
    if (result.adminPassword) {
      console.log(
        `Local admin: ${result.adminEmail} / ${result.adminPassword} (local use only; shown once)`,
      )
    }
  } finally {
    client.close()
  }
}

function startWrangler(databaseUrl: string): ChildProcess {
  const args = [
    'dev',
    '--port',
    String(port),
    '--ip',
    '127.0.0.1',
    '--test-scheduled',
    '--show-interactive-dev-session=false',
    '--log-level',
    'warn',
    '--var',
    `TURSO_DATABASE_URL:${databaseUrl}`,
    '--var',
    `IP_HASH_SALT:${process.env.IP_HASH_SALT ?? 'local-development-salt'}`,
    // Cache keys and cron purges use the site's origin; locally that is wrangler's address.
    '--var',
    `SITE_URL:http://localhost:${port}`,
  ]
  // Its own process group, so stopping it also stops workerd underneath.
  return spawn('wrangler', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_API_TOKEN: '' },
  })
}

async function waitForWorker(origin: string, wrangler: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (wrangler.exitCode !== null) throw new Error('wrangler dev exited before it was ready')
    try {
      const response = await fetch(`${origin}/healthz`)
      await response.body?.cancel()
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 500))
  }
  throw new Error(`the Worker did not answer at ${origin} within two minutes`)
}

async function main(): Promise<void> {
  await prepareDatabase()
  const db = await startDbServer({ dbPath, port: dbPort, quiet: true })
  const wrangler = startWrangler(db.url)
  const origin = `http://localhost:${port}`
  let stopping = false
  let cronTimer: NodeJS.Timeout | undefined

  const stop = async (code: number) => {
    if (stopping) return
    stopping = true
    clearInterval(cronTimer)
    if (wrangler.pid && wrangler.exitCode === null) {
      try {
        process.kill(-wrangler.pid, 'SIGTERM')
      } catch {
        // Already gone.
      }
    }
    await db.close()
    process.exit(code)
  }
  process.on('SIGINT', () => void stop(0))
  process.on('SIGTERM', () => void stop(0))
  wrangler.on('exit', (code) => {
    if (!stopping) {
      console.error(`wrangler dev stopped (exit code ${code})`)
      void stop(1)
    }
  })

  await waitForWorker(origin, wrangler)
  const cronUrl = `${origin}/__scheduled?cron=${encodeURIComponent(CRON_EVERY_FIVE_MINUTES)}`
  const tick = () =>
    fetch(cronUrl)
      .then((response) => response.body?.cancel())
      .catch((error) => console.error('cron tick failed:', error.message))
  cronTimer = setInterval(tick, CRON_INTERVAL_MS)
  void tick()
  console.log(`Bulletin is running at ${origin} (database ${db.url}); press Ctrl-C to stop.`)
}

main().catch((error) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
})
