// `npm run db:serve`: serves a libSQL file over Hrana-over-HTTP, a local stand-in for Turso.
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startDbServer } from './db-server/server'

export type { DbServer, DbServerOptions } from './db-server/server'
export { startDbServer }

const USAGE = 'Usage: tsx src/cli/db-server.ts [--db PATH] [--port N] [--host H] [--control]'

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'data/bulletin.db' },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      control: { type: 'boolean', default: false },
    },
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Bad --port\n${USAGE}`)
  const server = await startDbServer({
    dbPath: values.db,
    port,
    host: values.host,
    control: values.control,
  })
  const stop = () => server.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`db-server failed: ${error instanceof Error ? error.message : error}`)
    process.exit(1)
  })
}
