// Parses `npm run export` arguments: --format json|wxr and an optional --out file.
import { parseArgs } from 'node:util'
import { EXPORT_FORMATS, type ExportFormat } from '../../services/export-stream'

export const EXPORT_USAGE = 'Usage: npm run export -- --format json|wxr [--out FILE]'

export function parseExportArgs(argv: string[]): { format: ExportFormat; out: string | undefined } {
  let values: { format?: string; out?: string }
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: { format: { type: 'string' }, out: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }))
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : error}\n${EXPORT_USAGE}`)
  }
  const format = values.format ?? ''
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new Error(`--format must be json or wxr\n${EXPORT_USAGE}`)
  }
  if (values.out === '') throw new Error(`--out needs a file name\n${EXPORT_USAGE}`)
  return { format: format as ExportFormat, out: values.out }
}
