// The direct read path answers exactly as @libsql/client does: values, arguments, errors, one request.

import { env } from 'cloudflare:workers'
import { createClient, LibsqlError } from '@libsql/client/http'
import { describe, expect, it } from 'vitest'
import { createDb } from '../../src/db/client'
import { connectDbOnUse, readBatchOf } from '../../src/db/connect'
import { createReadBatch, type ReadStatement } from '../../src/db/hrana-read'
import { testDb } from './fixtures'

const url = env.DB_STATS_URL

/** The rows the libSQL client gives for the same statements, as plain arrays. */
async function throughClient(statements: ReadStatement[]) {
  const results = await createClient({ url }).batch(statements)
  return results.map((result) => result.rows.map((row) => Array.from(row)))
}

function recordingReader() {
  const bodies: string[] = []
  const read = createReadBatch({ url }, async (request) => {
    bodies.push(await request.clone().text())
    return fetch(request)
  })
  return { read, bodies }
}

describe('createReadBatch', () => {
  it('decodes every kind of value as the client does', async () => {
    const statements = [
      {
        sql: "select 1 as a, 2.5 as b, 'naïve “quoted”' as c, null as d, x'00ff10' as e",
        args: [],
      },
      { sql: 'select 7 where 0', args: [] },
    ]
    const { read } = recordingReader()
    const direct = (await read(statements)).map((result) => result.rows)
    expect(direct).toEqual(await throughClient(statements))
    const [[row]] = direct as [[unknown[]]]
    expect(row.slice(0, 4)).toEqual([1, 2.5, 'naïve “quoted”', null])
    expect([...new Uint8Array(row[4] as ArrayBuffer)]).toEqual([0, 255, 16])
  })

  it('binds arguments as the client does: numbers, text, booleans, dates, bytes, null', async () => {
    const when = new Date('2026-12-02T10:00:00Z')
    const statements = [
      {
        sql: 'select ?, typeof(?), ?, ?, typeof(?), ?, hex(?), ? is null, ? = 3',
        args: [5, 5, 'text', true, true, when, new Uint8Array([1, 2, 254]), null, 3],
      },
    ]
    const { read } = recordingReader()
    const [direct] = await read(statements)
    expect(direct?.rows).toEqual((await throughClient(statements))[0])
    expect(direct?.rows[0]).toEqual([
      5,
      'real',
      'text',
      1,
      'integer',
      when.valueOf(),
      '0102FE',
      1,
      1,
    ])
  })

  it('sends the batch and closes its stream in one request, with no stored SQL', async () => {
    const { read, bodies } = recordingReader()
    await read([
      { sql: 'select 1', args: [] },
      { sql: 'select 2', args: [] },
    ])
    expect(bodies).toHaveLength(1)
    const body = JSON.parse(bodies[0] ?? '{}')
    expect(body.requests.map((request: { type: string }) => request.type)).toEqual([
      'batch',
      'close',
    ])
    expect(bodies[0]).not.toContain('store_sql')
  })

  it('fails with the server’s error for a bad statement, as the client does', async () => {
    const statements = [
      { sql: 'select 1', args: [] },
      { sql: 'select * from no_such_table', args: [] },
    ]
    const { read } = recordingReader()
    const direct = await read(statements).catch((error: unknown) => error)
    const client = await throughClient(statements).catch((error: unknown) => error)
    expect(direct).toBeInstanceOf(LibsqlError)
    expect((direct as LibsqlError).code).toBe((client as LibsqlError).code)
    expect((direct as Error).message).toContain('no such table: no_such_table')
  })

  it('refuses an integer JavaScript cannot hold exactly, as the client does', async () => {
    const { read } = recordingReader()
    await expect(read([{ sql: 'select 9007199254740993', args: [] }])).rejects.toThrow(RangeError)
  })

  it('answers an HTTP failure with SERVER_ERROR, which pages show as the database being down', async () => {
    const read = createReadBatch({ url }, async () => new Response('overloaded', { status: 503 }))
    const error = await read([{ sql: 'select 1', args: [] }]).catch((caught: unknown) => caught)
    expect((error as LibsqlError).code).toBe('SERVER_ERROR')
  })
})

describe('readBatchOf', () => {
  it('gives the Worker’s connection the direct reader, with the rows the client gives', async () => {
    const statements = [{ sql: "select 42 as answer, 'yes' as word", args: [] }]
    const read = readBatchOf(testDb())
    expect(read).toBeDefined()
    const [direct] = (await read?.(statements)) ?? []
    expect(direct?.rows).toEqual([[42, 'yes']])
    expect(direct?.rows).toEqual((await throughClient(statements))[0])
    expect(readBatchOf(createDb(createClient({ url })))).toBeUndefined()
  })

  it('is there before the connection on use opens its client, so a page batch builds none', () => {
    const db = connectDbOnUse({ url, authToken: undefined, timeoutMs: 10_000 })
    expect(readBatchOf(db)).toBe(readBatchOf(testDb()))
  })
})
