// Reading a Bulletin export: its own layout streams; anything else stops with a clear message.
import { describe, expect, it } from 'vitest'
import { type ExportEntry, parseExportLines } from '../../../src/cli/import/bulletin-reader'

async function read(lines: string[]): Promise<ExportEntry[]> {
  const entries: ExportEntry[] = []
  for await (const entry of parseExportLines(lines)) entries.push(entry)
  return entries
}

const HEAD = ['{', '"format": "bulletin-export",', '"version": 1,']

describe('the export reader', () => {
  it('yields each record of each section, with its line', async () => {
    const entries = await read([
      ...HEAD,
      '"tags": [',
      '{"id":1,"slug":"a"},',
      '{"id":2,"slug":"b"}',
      '],',
      '"media": [',
      ']',
      '}',
    ])
    const records = entries.filter((entry) => entry.kind === 'record')
    expect(records).toEqual([
      { kind: 'record', section: 'tags', record: { id: 1, slug: 'a' }, line: 5 },
      { kind: 'record', section: 'tags', record: { id: 2, slug: 'b' }, line: 6 },
    ])
    expect(entries.filter((entry) => entry.kind === 'section-end').length).toBe(2)
  })

  it('refuses a file that is not a Bulletin export', async () => {
    await expect(read(['<?xml version="1.0"?>', '<rss>'])).rejects.toThrow(
      /Line 1: this is not a Bulletin export/,
    )
    await expect(read(['{', '"db": {"version": "5.0"},'])).rejects.toThrow(
      /Line 2: this is not a Bulletin export/,
    )
  })

  it('names the line that is not valid JSON', async () => {
    await expect(read([...HEAD, '"tags": [', '{"id":1,', ']'])).rejects.toThrow(
      /^Line 5: not valid JSON/,
    )
  })

  it('says so when the file was cut short inside a section', async () => {
    await expect(read([...HEAD, '"articles": [', '{"id":1}'])).rejects.toThrow(
      /ends inside "articles".*cut short/,
    )
  })

  it('refuses an export from a newer Bulletin', async () => {
    await expect(read(['{', '"format": "bulletin-export",', '"version": 99,'])).rejects.toThrow(
      /version 99/,
    )
  })
})
