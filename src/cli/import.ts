// `npm run import -- <source> <file> [--dry-run] [--media-dir DIR]`: moves an archive into Bulletin.
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createDb } from '../db/client'
import type { MediaStore } from '../services/media-upload'
import { prepareImportMedia, refuseRemoteMedia } from './import/media'
import { createProgress } from './import/progress'
import { purgeAfterImport } from './import/purge'
import { ImportReport } from './import/report'
import type { ImportRun, ImportSource } from './import/types'
import { openLocalMediaStore } from './local-media-store'
import { DEFAULT_DB_URL, migrateDatabase, openClient } from './migrate'

/** One line per source; each module default-exports an ImportSource. Loaded only when chosen. */
const SOURCES: Record<string, () => Promise<{ default: ImportSource }>> = {
  wordpress: () => import('./import/wordpress'),
  ghost: () => import('./import/ghost'),
  bulletin: () => import('./import/bulletin'),
  feed: () => import('./import/feed'),
}

const USAGE = `Usage: npm run import -- <source> <file> [--dry-run] [--media-dir DIR] [--workers N]

Sources: ${Object.keys(SOURCES).join(', ')}
The database is TURSO_DATABASE_URL (default ${DEFAULT_DB_URL}), as for db:migrate.
--media-dir writes to the local media bucket, so it is refused with a remote database.
--workers: threads converting WordPress bodies (default: cores - 1, at least 1; 0 for none).`

/** One core reads the file and writes batches; the others convert. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism() - 1)
}

export interface ImportOptions {
  source: string
  file: string
  dryRun?: boolean
  mediaDir?: string
  /** Where `--media-dir` images are uploaded; needed unless it is a dry run. */
  mediaStore?: MediaStore
  now?: number
  /** Conversion threads; 0 (the default, for tests) converts on the main thread. */
  workers?: number
  /** Where the progress line goes; stderr in the terminal, nothing in tests. */
  writeProgress?: (text: string) => void
}

/** Runs one import against an open database; throws an Error meant for the terminal. */
export async function runImport(
  db: ImportRun['db'],
  options: ImportOptions,
): Promise<{ report: ImportReport; run: ImportRun; error?: Error }> {
  const load = SOURCES[options.source]
  if (!load) throw new Error(`Unknown source "${options.source}". ${USAGE}`)
  if (!existsSync(options.file)) throw new Error(`No such file: ${options.file}`)
  if (options.mediaDir && !existsSync(options.mediaDir))
    throw new Error(`No such media folder: ${options.mediaDir}`)
  const source = (await load()).default
  const dryRun = options.dryRun ?? false
  const media =
    options.mediaDir && (await prepareImportMedia(db, options.mediaDir, options.mediaStore, dryRun))
  const report = new ImportReport()
  const progress = createProgress(options.writeProgress ?? (() => {}), () => report.items)
  const run: ImportRun = {
    file: options.file,
    dryRun,
    mediaDir: options.mediaDir,
    media: media || undefined,
    db,
    report,
    progress: progress.update,
    changed: [],
    workers: options.workers ?? 0,
    now: options.now ?? Date.now(),
  }
  try {
    await source.run(run)
    return { report, run }
  } catch (error) {
    // What was written before a failure stays: the caller reports it and purges its pages too.
    return { report, run, error: error instanceof Error ? error : new Error(String(error)) }
  } finally {
    progress.finish()
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      'media-dir': { type: 'string' },
      workers: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  const [source, file] = positionals
  if (values.help || !source || !file) {
    console.log(USAGE)
    process.exit(values.help ? 0 : 2)
  }
  const workers = values.workers === undefined ? defaultWorkers() : Number(values.workers)
  if (!Number.isInteger(workers) || workers < 0 || workers > 64)
    throw new Error(`--workers takes a whole number from 0 to 64.\n${USAGE}`)
  const url = process.env.TURSO_DATABASE_URL ?? DEFAULT_DB_URL
  const refusal = values['media-dir'] && !values['dry-run'] ? refuseRemoteMedia(url) : null
  if (refusal) throw new Error(refusal)
  const client = openClient(url, process.env.TURSO_AUTH_TOKEN)
  const db = createDb(client)
  // Images go to wrangler's local bucket; a dry run only looks for the files.
  const media =
    values['media-dir'] && !values['dry-run'] ? await openLocalMediaStore(db) : undefined
  try {
    if (!values['dry-run']) await migrateDatabase(client)
    const outcome = await runImport(db, {
      source,
      file,
      dryRun: values['dry-run'],
      mediaDir: values['media-dir'],
      mediaStore: media?.store,
      workers,
      writeProgress: (text) => process.stderr.write(text),
    })
    console.log(outcome.report.format(outcome.run.dryRun))
    if (!outcome.run.dryRun) console.log(await purgeAfterImport(db, outcome.run.changed))
    if (outcome.error) throw outcome.error
  } finally {
    await media?.dispose()
    client.close()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`\nImport stopped: ${error instanceof Error ? error.message : error}`)
    process.exit(1)
  })
}
