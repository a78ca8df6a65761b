// `npm start`: the whole service locally — migrated, seeded libSQL file, db-server, wrangler dev, crons.
import { resolve } from 'node:path'
import { CRON_EVERY_FIVE_MINUTES } from '../jobs'
import { stopWhenAsked } from './process-group'
import { startStack } from './stack'

const port = Number(process.env.PORT ?? 8787)
const dbPort = Number(process.env.DB_PORT ?? 8080)
const dbPath = resolve(process.env.BULLETIN_DB ?? 'data/bulletin.db')
const CRON_INTERVAL_MS = 60_000

async function main(): Promise<void> {
  const stack = await startStack({
    port,
    dbPort,
    dbPath,
    log: (line) => console.log(line),
    seedAdmin: { email: process.env.SEED_ADMIN_EMAIL, password: process.env.SEED_ADMIN_PASSWORD },
    ipHashSalt: process.env.IP_HASH_SALT,
  })
  const { origin, wrangler } = stack
  let stopping = false
  let cronTimer: NodeJS.Timeout | undefined

  const stop = async (code: number) => {
    if (stopping) return
    stopping = true
    clearInterval(cronTimer)
    await stack.stop()
    process.exit(code)
  }
  // Ctrl-C, SIGTERM or npm gone; if this process itself is killed, wrangler's watchdog stops it.
  stopWhenAsked((code) => void stop(code))
  wrangler.on('exit', (code) => {
    if (!stopping) {
      console.error(`wrangler dev stopped (exit code ${code})`)
      void stop(1)
    }
  })

  await stack.waitUntilReady()
  const cronUrl = `${origin}/__scheduled?cron=${encodeURIComponent(CRON_EVERY_FIVE_MINUTES)}`
  const tick = () =>
    fetch(cronUrl)
      .then((response) => response.body?.cancel())
      .catch((error) => console.error('cron tick failed:', error.message))
  cronTimer = setInterval(tick, CRON_INTERVAL_MS)
  void tick()
  console.log(`Bulletin is running at ${origin} (database ${stack.dbUrl}); press Ctrl-C to stop.`)
}

main().catch((error) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
})
