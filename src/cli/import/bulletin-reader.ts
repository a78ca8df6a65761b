// Reads a Bulletin JSON export line by line: the exporter writes one record per line, so any size streams.
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../services/export-json'

export type ExportEntry =
  | { kind: 'header'; key: string; value: unknown }
  | { kind: 'section-start'; section: string }
  | { kind: 'record'; section: string; record: Record<string, unknown>; line: number }
  | { kind: 'section-end'; section: string }

const SECTION_START = /^"(\w+)": \[\]?,?$/
const HEADER = /^"(\w+)": (.+?),?$/

/** Stops the import with the line at fault, so an operator can find it in a file of any size. */
export class ExportFileError extends Error {}

/** The file's lines as export entries; throws ExportFileError on anything the exporter never writes. */
export async function* readExportFile(
  file: string,
  onBytes: (bytes: number) => void = () => {},
): AsyncGenerator<ExportEntry> {
  const input = createReadStream(file, { encoding: 'utf8' })
  let bytes = 0
  input.on('data', (chunk) => {
    bytes += Buffer.byteLength(chunk)
    onBytes(bytes)
  })
  yield* parseExportLines(createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY }))
}

/** The parser proper, over any source of lines (tests pass arrays). */
export async function* parseExportLines(
  lines: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<ExportEntry> {
  let number = 0
  let section: string | null = null
  let checked = false
  const fail = (why: string): never => {
    throw new ExportFileError(`Line ${number}: ${why}`)
  }
  for await (const raw of lines) {
    number++
    const line = raw.trim()
    if (line === '' || (section === null && (line === '{' || line === '}'))) continue
    if (section !== null) {
      if (line === ']' || line === '],') {
        yield { kind: 'section-end', section }
        section = null
        continue
      }
      const record = parseJson(line.endsWith(',') ? line.slice(0, -1) : line, fail)
      if (!record || typeof record !== 'object' || Array.isArray(record))
        fail(`a "${section}" record must be a JSON object`)
      yield { kind: 'record', section, record: record as Record<string, unknown>, line: number }
      continue
    }
    const start = SECTION_START.exec(line)
    if (start?.[1]) {
      if (!checked) fail('this is not a Bulletin export: it has no "format" line')
      yield { kind: 'section-start', section: start[1] }
      if (line.includes('[]')) yield { kind: 'section-end', section: start[1] }
      else section = start[1]
      continue
    }
    const header = HEADER.exec(line)
    if (!header?.[1] || header[2] === undefined) {
      fail(checked ? 'not a line a Bulletin export has' : 'this is not a Bulletin export')
      continue
    }
    const value = parseJson(header[2], fail)
    if (!checked) checkFormat(header[1], value, fail)
    if (header[1] === 'version') checkVersion(value, fail)
    checked = true
    yield { kind: 'header', key: header[1], value }
  }
  if (section !== null) fail(`the file ends inside "${section}": it was cut short`)
}

function parseJson(text: string, fail: (why: string) => never): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    return fail(`not valid JSON (${error instanceof Error ? error.message : error})`)
  }
}

function checkFormat(key: string, value: unknown, fail: (why: string) => never) {
  if (key !== 'format' || value !== EXPORT_FORMAT) {
    fail(`this is not a Bulletin export: it must start with "format": "${EXPORT_FORMAT}"`)
  }
}

function checkVersion(value: unknown, fail: (why: string) => never) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    fail('"version" must be a whole number')
  if ((value as number) > EXPORT_VERSION) {
    fail(
      `this export is version ${value}; this Bulletin reads up to version ${EXPORT_VERSION}, so update it first`,
    )
  }
}
