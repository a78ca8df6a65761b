// The JSON export, written as it is read: one record per line, so files of any size stream both ways.
import type { Db } from '../db/client'
import { EXPORT_SECTIONS } from './export-sections'

export const EXPORT_FORMAT = 'bulletin-export'
/** Bumped when a field changes meaning; an importer refuses versions it does not know. */
export const EXPORT_VERSION = 1

/** What the export says about the site itself; its settings live in the environment, not the DB. */
export interface ExportSite {
  name: string
  tagline: string
  url: string | undefined
  language: string
  timeZone: string
}

export interface ExportOptions {
  site: ExportSite
  now: Date
}

/**
 * Yields the export in chunks. The layout is part of the format (README "Export"): header fields
 * one per line, then each section as `"name": [`, one JSON record per line, and `]`.
 */
export async function* streamJsonExport(
  db: Db,
  { site, now }: ExportOptions,
): AsyncGenerator<string> {
  yield `{\n"format": ${JSON.stringify(EXPORT_FORMAT)},\n"version": ${EXPORT_VERSION},\n`
  yield `"exportedAt": ${JSON.stringify(now.toISOString())},\n"site": ${JSON.stringify(site)},\n`
  for (const [index, section] of EXPORT_SECTIONS.entries()) {
    yield `${JSON.stringify(section.name)}: [`
    let first = true
    for await (const records of section.read(db)) {
      let chunk = ''
      for (const record of records) {
        chunk += `${first ? '\n' : ',\n'}${JSON.stringify(record)}`
        first = false
      }
      yield chunk
    }
    yield index === EXPORT_SECTIONS.length - 1 ? '\n]\n' : '\n],\n'
  }
  yield '}\n'
}
