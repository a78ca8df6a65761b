// `npm run export -- --format json|wxr [--out FILE]`: streams the whole site out of TURSO_DATABASE_URL.
import { createWriteStream, renameSync, rmSync } from 'node:fs'
import { Readable, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { createDb } from '../db/client'
import { parseSite } from '../env-parsers'
import { streamSiteExport } from '../services/export-stream'
import { parseExportArgs } from './export/args'
import { DEFAULT_DB_URL, openClient } from './migrate'

/** Writes the export to `out` (stdout when absent); a file appears only once it is complete. */
export async function runExport(argv: string[], env: NodeJS.ProcessEnv, stdout: Writable) {
  const { format, out } = parseExportArgs(argv)
  const client = openClient(env.TURSO_DATABASE_URL || DEFAULT_DB_URL, env.TURSO_AUTH_TOKEN)
  const problems: string[] = []
  const site = parseSite({ env: env as never, problems, whole: () => 0 })
  if (problems.length > 0) throw new Error(problems.join('; '))
  const chunks = streamSiteExport(createDb(client), format, { site, now: new Date() })
  const partial = out && `${out}.partial`
  try {
    await pipeline(Readable.from(chunks), partial ? createWriteStream(partial) : stdout, {
      end: Boolean(partial),
    })
    if (out && partial) renameSync(partial, out)
  } catch (error) {
    if (partial) rmSync(partial, { force: true })
    throw error
  } finally {
    client.close()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runExport(process.argv.slice(2), process.env, process.stdout).catch((error) => {
    console.error(`Export failed: ${error instanceof Error ? error.message : error}`)
    process.exit(1)
  })
}
