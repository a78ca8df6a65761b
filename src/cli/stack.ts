// The whole service on this machine: a migrated, seeded libSQL file, the db-server and wrangler dev.
import type { ChildProcess } from 'node:child_process'
import { createDb } from '../db/client'
import { startDbServer } from './db-server'
import { migrateDatabase, openClient } from './migrate'
import { type ProcessGroup, spawnProcessGroup } from './process-group'
import { seedDatabase } from './seed'
import { seedHeroPhotos } from './seed/media'

export interface StackOptions {
  /** wrangler dev's port; the Worker answers at http://localhost:<port>. */
  port: number
  dbPort: number
  /** The libSQL file; created, migrated and seeded when new. */
  dbPath: string
  /** Where `npm start` prints the seed report; tests leave it out. */
  log?: (line: string) => void
  seedAdmin?: { email?: string; password?: string }
  ipHashSalt?: string
  /** wrangler dev's own state (Cache API and so on); its default is .wrangler/state. */
  persistTo?: string
  /** Extra environment for wrangler. */
  env?: Record<string, string>
  /** wrangler's output: `npm start` shows it; tests pipe it, to show it only when something fails. */
  stdio?: 'inherit' | 'pipe' | 'ignore'
  /**
   * A db-server the caller runs on `dbPort` instead of the stack's own: the fault scripts run it as
   * a child process with `--control`, so they can slow it down, kill it and start it again.
   */
  externalDb?: boolean
  /** Extra Worker vars, e.g. a shorter DB_TIMEOUT_MS for the fault scripts. */
  vars?: Record<string, string>
  /** wrangler's devtools port, e.g. for the soak to read the Worker's heap; wrangler picks one if unset. */
  inspectorPort?: number
}

export interface Stack {
  origin: string
  dbUrl: string
  wrangler: ChildProcess
  /** Resolves once the Worker answers /healthz; rejects if wrangler exits or two minutes pass. */
  waitUntilReady(): Promise<void>
  /** Stops wrangler (its whole process group) and the db-server; safe to call twice. */
  stop(): Promise<void>
}

async function prepareDatabase(options: StackOptions): Promise<void> {
  const client = openClient(`file:${options.dbPath}`)
  try {
    await migrateDatabase(client)
    const result = await seedDatabase(createDb(client), {
      now: Date.now(),
      adminEmail: options.seedAdmin?.email,
      adminPassword: options.seedAdmin?.password,
    })
    const log = options.log ?? (() => {})
    if (result.seeded) log(`Seeded ${result.articles} demo articles into ${options.dbPath}`)
    // Hero photos go through the upload service into wrangler's local R2, on first run only.
    if (result.seeded) {
      // Photos are a nicety: if they fail (sharp missing, say), the SVG placeholders stay.
      await seedHeroPhotos(createDb(client), options.persistTo).then(
        (photos) => log(`Uploaded ${photos} demo hero photos to the media library`),
        (error) => log(`Demo hero photos not uploaded (${error.message}); placeholders kept`),
      )
    }
    if (result.adminPassword) {
      log(
        `Local admin: ${result.adminEmail} / ${result.adminPassword} (local use only; shown once)`,
      )
    }
  } finally {
    client.close()
  }
}

function startWrangler(options: StackOptions, databaseUrl: string): ProcessGroup {
  const args = [
    'dev',
    '--port',
    String(options.port),
    '--ip',
    '127.0.0.1',
    '--test-scheduled',
    '--show-interactive-dev-session=false',
    '--log-level',
    'warn',
    '--var',
    `TURSO_DATABASE_URL:${databaseUrl}`,
    '--var',
    `IP_HASH_SALT:${options.ipHashSalt ?? 'local-development-salt'}`,
    // Cache keys and cron purges use the site's origin; locally that is wrangler's address.
    '--var',
    `SITE_URL:http://localhost:${options.port}`,
    ...Object.entries(options.vars ?? {}).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
    ...(options.persistTo ? ['--persist-to', options.persistTo] : []),
    ...(options.inspectorPort ? ['--inspector-port', String(options.inspectorPort)] : []),
  ]
  // A process group of its own, so stopping it also stops workerd underneath, even if we are killed.
  return spawnProcessGroup('wrangler', args, {
    stdio: ['ignore', options.stdio ?? 'inherit', options.stdio ?? 'inherit'],
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: 'false',
      CLOUDFLARE_API_TOKEN: '',
      // Offline by design: wrangler would otherwise fetch request.cf data from the internet.
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      ...options.env,
    },
  })
}

async function waitForWorker(origin: string, wrangler: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (wrangler.exitCode !== null) throw new Error('wrangler dev exited before it was ready')
    try {
      // Bounded: wrangler's proxy holds requests while the Worker (re)loads.
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(5000) })
      await response.body?.cancel()
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 500))
  }
  throw new Error(`the Worker did not answer at ${origin} within two minutes`)
}

/**
 * Prepares the database, starts the db-server and spawns wrangler dev, then returns at once so the
 * caller can install its signal handlers before waiting with `waitUntilReady()`.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  await prepareDatabase(options)
  const db = options.externalDb
    ? undefined
    : await startDbServer({ dbPath: options.dbPath, port: options.dbPort, quiet: true })
  const dbUrl = db?.url ?? `http://127.0.0.1:${options.dbPort}`
  const group = startWrangler(options, dbUrl)
  const wrangler = group.child
  const origin = `http://localhost:${options.port}`
  let stopping: Promise<void> | undefined
  return {
    origin,
    dbUrl,
    wrangler,
    waitUntilReady: () => waitForWorker(origin, wrangler),
    stop() {
      stopping ??= group.stop().then(() => db?.close())
      return stopping
    },
  }
}
