// One entry point for both export formats, shared by the CLI and the newsroom download.
import type { Db } from '../db/client'
import { type ExportOptions, streamJsonExport } from './export-json'
import { streamWxrExport } from './export-wxr'

export const EXPORT_FORMATS = ['json', 'wxr'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export function streamSiteExport(db: Db, format: ExportFormat, options: ExportOptions) {
  return format === 'json' ? streamJsonExport(db, options) : streamWxrExport(db, options)
}
