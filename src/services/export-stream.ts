// One entry point for both export formats, shared by the CLI and the newsroom download.
import type { Db } from '../db/client'
import { type ExportOptions, streamJsonExport } from './export-json'
import { streamWxrExport } from './export-wxr'

export const EXPORT_FORMATS = ['json', 'wxr'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export function streamSiteExport(db: Db, format: ExportFormat, options: ExportOptions) {
  return format === 'json' ? streamJsonExport(db, options) : streamWxrExport(db, options)
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  wxr: 'application/rss+xml; charset=utf-8',
}

/**
 * A byte stream that asks for the next batch only when the reader has taken the last one, so a
 * download holds one batch in memory however big the archive; a cancelled download stops reading.
 */
export function toByteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await chunks.next()
        if (done) controller.close()
        else controller.enqueue(encoder.encode(value))
      },
      async cancel() {
        await chunks.return(undefined)
      },
    },
    { highWaterMark: 0 },
  )
}
