// Restores a Bulletin JSON export into an empty database, in batches, keeping every id (and so every URL).
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../db/client'
import { findExistingContent, insertRestoredRows } from '../../db/queries/export-restore'
import type { ExportEntry } from './bulletin-reader'
import { labelOf, RESTORE_ORDER, RESTORERS } from './bulletin-records'
import type { ImportReport } from './report'

/** Rows held before one batch goes to the database: few round trips, bounded memory. */
const ROWS_PER_BATCH = 1000

export interface RestoreOptions {
  dryRun: boolean
  report: ImportReport
}

/** Thrown before anything is written when the target already holds a site. */
export class NotEmptyError extends Error {}

/**
 * Writes each record as it is read. A Bulletin export names rows by id, so it only goes into an
 * empty database: merging two sites would need every id renumbered, and every URL with it.
 */
export async function restoreExport(
  db: Db,
  entries: AsyncIterable<ExportEntry>,
  { dryRun, report }: RestoreOptions,
): Promise<void> {
  // A dry run may meet a database not yet migrated (the dispatcher migrates only real runs).
  const existing = await findExistingContent(db).catch((error) => {
    if (dryRun) return []
    throw error
  })
  if (existing.length > 0) {
    const why =
      `The database already has ${existing.join(', ')}. A Bulletin export is restored only into an ` +
      'empty database, so that every id and URL stays as it was: point TURSO_DATABASE_URL at a ' +
      'new database, run npm run db:migrate, then import again.'
    if (!dryRun) throw new NotEmptyError(why)
    report.warn('a real run would be refused: the database is not empty', 'database')
  }
  let pending = new Map<SQLiteTable, Record<string, unknown>[]>()
  let held = 0
  const flush = async () => {
    const groups = RESTORE_ORDER.flatMap((table) => {
      const rows = pending.get(table)
      return rows ? [{ table, rows }] : []
    })
    pending = new Map()
    held = 0
    if (!dryRun && groups.length > 0) await insertRestoredRows(db, groups)
  }
  for await (const entry of entries) {
    if (entry.kind === 'section-end') await flush()
    if (entry.kind !== 'record') continue
    const restore = RESTORERS[entry.section]
    const label = labelOf(entry.section, entry.record)
    if (!restore) {
      report.record('skipped', `section "${entry.section}" is not one this version knows`, label)
      continue
    }
    const warn = (why: string) => report.warn(why, label)
    for (const [table, row] of restore(entry.record, warn)) {
      const rows = pending.get(table) ?? []
      rows.push(row)
      pending.set(table, rows)
      held++
    }
    report.record('imported', entry.section, label)
    if (held >= ROWS_PER_BATCH) await flush()
  }
  await flush()
  if (report.count('imported') > 0 && hasUsers(report)) {
    report.warn(
      'accounts come without passwords (they never leave a site): create an admin with npm run user:create, then reset the others under Users',
      'users',
    )
  }
}

function hasUsers(report: ImportReport): boolean {
  return (report.summary().imported.users ?? 0) > 0
}
