// The contract between `npm run import` and each source module (src/cli/import/<source>.ts).
import type { Db } from '../../db/client'
import type { ContentChange } from '../../lib/purge-types'
import type { ImportMedia } from './media'
import type { ImportReport } from './report'

/** What the dispatcher hands a source: the open database, the options and the shared report. */
export interface ImportRun {
  file: string
  /** Read, convert and report everything, but write nothing. */
  dryRun: boolean
  /** A copy of wp-content/uploads or Ghost's content/images; images are matched by path. */
  mediaDir: string | undefined
  /** How `--media-dir` images reach the library; set whenever mediaDir is. */
  media: ImportMedia | undefined
  db: Db
  report: ImportReport
  /** Called as the file is read, for the progress line: bytes read so far of `total`. */
  progress: (done: number, total: number) => void
  /** What changed, purged once at the end of the run (never once per item). */
  changed: ContentChange[]
  /** Threads that convert WordPress bodies; 0 converts on the main thread. */
  workers: number
  /** The reference time (ms), so tests are deterministic. */
  now: number
}

/** A source module's default export. */
export interface ImportSource {
  /** One line for the usage text. */
  summary: string
  /** Reads `run.file`, writes (unless dry) and records every item in `run.report`. */
  run: (run: ImportRun) => Promise<void>
}
