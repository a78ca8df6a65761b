// `npm run import -- bulletin FILE`: restores Bulletin's own JSON export into an empty database.
import { statSync } from 'node:fs'
import { readExportFile } from './bulletin-reader'
import { restoreExport } from './bulletin-restore'
import type { ImportSource } from './types'

const source: ImportSource = {
  summary: "Bulletin's own JSON export (npm run export -- --format json), into an empty database",
  run: async (run) => {
    const total = statSync(run.file).size
    const entries = readExportFile(run.file, (bytes) => run.progress(bytes, total))
    await restoreExport(run.db, entries, { dryRun: run.dryRun, report: run.report })
  },
}
export default source
