// db-server conformance: the real @libsql/client/web against a fresh libSQL file over HTTP.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Client, createClient } from '@libsql/client/web'
import { describe, expect, it } from 'vitest'
import { startDbServer } from '../../../src/cli/db-server'
import { type Harness, serve, stmt } from './db-server-harness'

/** 2^53 + 1: the first integer a float64 cannot hold. */
const BIG = 2n ** 53n + 1n
const TEXT = 'Beyrouth — بيروت 🌍'
const BLOB = new Uint8Array([0, 1, 2, 127, 128, 254, 255])

async function createTable(client: Client) {
  await client.execute(
    'CREATE TABLE vals (id INTEGER PRIMARY KEY, n, i INTEGER, f REAL, t TEXT UNIQUE, b BLOB)',
  )
}

async function countRows(client: Client): Promise<bigint> {
  const rs = await client.execute('SELECT count(*) AS c FROM vals')
  return rs.rows[0]?.c as bigint
}

/** Pipelines the server served and HTTP requests the client sent while `work` ran. */
async function roundTrips(h: Harness, work: () => Promise<unknown>) {
  const [served, sent] = [h.server.stats().pipelines, h.requests()]
  await work()
  return { served: h.server.stats().pipelines - served, sent: h.requests() - sent }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

describe('db-server statements', () => {
  it('round-trips null, big integers, floats, non-ASCII text and blobs by position', async () => {
    const { client } = await serve()
    await createTable(client)
    await client.execute({
      sql: 'INSERT INTO vals (n, i, f, t, b) VALUES (?, ?, ?, ?, ?)',
      args: [null, BIG, 3.25, TEXT, BLOB],
    })
    const rs = await client.execute(
      'SELECT n, i, f, t, b, typeof(n), typeof(i), typeof(f), typeof(t), typeof(b) FROM vals',
    )
    const row = rs.rows[0]
    expect(row?.n).toBeNull()
    expect(row?.i).toBe(BIG)
    expect(row?.f).toBe(3.25)
    expect(row?.t).toBe(TEXT)
    expect(new Uint8Array(row?.b as ArrayBuffer)).toEqual(BLOB)
    expect(Array.from(row ?? []).slice(5)).toEqual(['null', 'integer', 'real', 'text', 'blob'])
    const extremes = await client.execute({
      sql: 'SELECT ?, ?',
      args: [2n ** 63n - 1n, -(2n ** 63n)],
    })
    expect(Array.from(extremes.rows[0] ?? [])).toEqual([2n ** 63n - 1n, -(2n ** 63n)])
  })

  it('binds :name, @name and $name arguments, with or without the sigil', async () => {
    const { client } = await serve()
    await createTable(client)
    const sql = 'INSERT INTO vals (n, i, f, t, b) VALUES (:n, @i, $f, :t, @b)'
    await client.execute({ sql, args: { n: null, i: BIG, f: 0.5, t: TEXT, b: BLOB } })
    await client.execute({
      sql,
      args: { ':n': null, '@i': -BIG, $f: -1.5, ':t': 'second', '@b': BLOB.buffer },
    })
    const rs = await client.execute('SELECT n, i, f, t, b FROM vals ORDER BY id')
    expect(rs.rows.map((row) => [row.n, row.i, row.f, row.t])).toEqual([
      [null, BIG, 0.5, TEXT],
      [null, -BIG, -1.5, 'second'],
    ])
    for (const row of rs.rows) expect(new Uint8Array(row.b as ArrayBuffer)).toEqual(BLOB)
  })

  it('reports columns, declared types, affected rows and exact last insert rowids', async () => {
    const { client } = await serve()
    await createTable(client)
    const insert = await client.execute({
      sql: 'INSERT INTO vals (id, t) VALUES (?, ?)',
      args: [BIG, 'a'],
    })
    expect(insert.rowsAffected).toBe(1)
    expect(insert.lastInsertRowid).toBe(BIG)
    expect((await client.execute("UPDATE vals SET t = 'b'")).rowsAffected).toBe(1)
    const select = await client.execute('SELECT id, t, 1 + 1 AS two FROM vals')
    expect(select.columns).toEqual(['id', 't', 'two'])
    expect(select.columnTypes).toEqual(['INTEGER', 'TEXT', ''])
    expect(select.rowsAffected).toBe(0)
  })

  it('runs a multi-statement script with executeMultiple', async () => {
    const { client } = await serve()
    await createTable(client)
    await client.executeMultiple(`
      INSERT INTO vals (t) VALUES ('a'); -- a comment; with a semicolon
      INSERT INTO vals (t) VALUES ('b;c');
    `)
    expect(await countRows(client)).toBe(2n)
  })
})

describe('db-server batches', () => {
  it('runs a write batch in one HTTP request and returns one result per statement', async () => {
    const h = await serve()
    await createTable(h.client)
    let results: Awaited<ReturnType<Client['batch']>> = []
    const trips = await roundTrips(h, async () => {
      results = await h.client.batch(
        [
          { sql: 'INSERT INTO vals (t) VALUES (?)', args: ['a'] },
          { sql: 'INSERT INTO vals (t) VALUES (?)', args: ['b'] },
          'SELECT count(*) AS c FROM vals',
        ],
        'write',
      )
    })
    expect(trips).toEqual({ served: 1, sent: 1 })
    expect(results.map((rs) => rs.rowsAffected)).toEqual([1, 1, 0])
    expect(results[2]?.rows[0]?.c).toBe(2n)
  })

  it('rolls the whole batch back when one statement fails', async () => {
    const { client } = await serve()
    await createTable(client)
    const batch = client.batch(
      [
        "INSERT INTO vals (t) VALUES ('a')",
        "INSERT INTO vals (t) VALUES ('b')",
        "INSERT INTO vals (t) VALUES ('a')",
      ],
      'write',
    )
    await expect(batch).rejects.toMatchObject({
      name: 'LibsqlBatchError',
      code: 'SQLITE_CONSTRAINT',
    })
    expect(await countRows(client)).toBe(0n)
  })

  it('runs a read batch against committed rows', async () => {
    const { client } = await serve()
    await createTable(client)
    await client.execute("INSERT INTO vals (t) VALUES ('a')")
    const [count, text] = await client.batch(
      ['SELECT count(*) AS c FROM vals', 'SELECT t FROM vals'],
      'read',
    )
    expect(count?.rows[0]?.c).toBe(1n)
    expect(text?.rows[0]?.t).toBe('a')
  })
})

describe('db-server interactive transactions', () => {
  it('commits a transaction that spans several HTTP requests', async () => {
    const h = await serve()
    await createTable(h.client)
    const trips = await roundTrips(h, async () => {
      const tx = await h.client.transaction('write')
      await tx.execute("INSERT INTO vals (t) VALUES ('a')")
      await tx.execute("INSERT INTO vals (t) VALUES ('b')")
      expect((await tx.execute('SELECT count(*) AS c FROM vals')).rows[0]?.c).toBe(2n)
      await tx.commit()
    })
    // One request per statement, and the COMMIT travels with the stream's close.
    expect(trips).toEqual({ served: 4, sent: 4 })
    expect(await countRows(h.client)).toBe(2n)
  })

  it('rolls a transaction back', async () => {
    const { client } = await serve()
    await createTable(client)
    const tx = await client.transaction('write')
    await tx.execute("INSERT INTO vals (t) VALUES ('a')")
    await tx.rollback()
    expect(await countRows(client)).toBe(0n)
  })

  it('keeps two open transactions apart; the second writer waits for the first', async () => {
    const h = await serve()
    await createTable(h.client)
    const other = h.openClient()
    const first = await h.client.transaction('write')
    await first.execute("INSERT INTO vals (t) VALUES ('first')")
    const second = await other.transaction('write')
    let secondStarted = false
    const started = second.execute("INSERT INTO vals (t) VALUES ('second')").then(() => {
      secondStarted = true
    })
    await sleep(200)
    expect(secondStarted).toBe(false)
    const seenByFirst = await first.execute('SELECT t FROM vals ORDER BY t')
    expect(seenByFirst.rows.map((row) => row.t)).toEqual(['first'])
    expect(await countRows(h.client)).toBe(0n)
    await first.commit()
    await started
    const seenBySecond = await second.execute('SELECT t FROM vals ORDER BY t')
    expect(seenBySecond.rows.map((row) => row.t)).toEqual(['first', 'second'])
    expect(await countRows(h.client)).toBe(1n)
    await second.commit()
    expect(await countRows(h.client)).toBe(2n)
  })

  it('lets a deferred batch wait for a write transaction, then commit', async () => {
    const h = await serve()
    await createTable(h.client)
    const tx = await h.client.transaction('write')
    await tx.execute("INSERT INTO vals (t) VALUES ('tx')")
    // The batch's INSERT fails with SQLITE_BUSY and is retried inside BEGIN DEFERRED ... COMMIT;
    // a failed attempt that was not reset would make that COMMIT fail.
    const batch = h.client.batch(["INSERT INTO vals (t) VALUES ('batch')"], 'deferred')
    await sleep(100)
    await tx.commit()
    await batch
    expect(await countRows(h.client)).toBe(2n)
  })

  it('fails a write that waited 5 s for the lock; later writes on its stream commit', async () => {
    const h = await serve()
    await createTable(h.client)
    const tx = await h.client.transaction('write')
    await tx.execute("INSERT INTO vals (t) VALUES ('tx')")
    const insert = (t: string, baton: string | null) =>
      h.pipeline(baton, [{ type: 'execute', stmt: stmt(`INSERT INTO vals (t) VALUES ('${t}')`) }])
    const timedOut = await insert('gave up', null)
    expect(timedOut.results[0]).toMatchObject({ type: 'error', error: { code: 'SQLITE_BUSY' } })
    await tx.commit()
    // The statement that gave up is stuck mid-step: on its connection, this would never commit.
    expect((await insert('later', timedOut.baton)).results[0]?.type).toBe('ok')
    const rs = await h.client.execute('SELECT t FROM vals ORDER BY t')
    expect(rs.rows.map((row) => row.t)).toEqual(['later', 'tx'])
  })

  it('rolls back a transaction whose baton expired and rejects its next statement', async () => {
    const h = await serve({ batonTtlMs: 150 })
    await createTable(h.client)
    const tx = await h.client.transaction('write')
    await tx.execute("INSERT INTO vals (t) VALUES ('lost')")
    await sleep(400)
    await expect(tx.execute('SELECT 1')).rejects.toMatchObject({
      code: 'STREAM_EXPIRED',
      message: expect.stringMatching(/expired/),
    })
    // The write lock is free again and the uncommitted row is gone.
    await h.client.execute("INSERT INTO vals (t) VALUES ('kept')")
    expect(await countRows(h.client)).toBe(1n)
  })

  it('answers an unknown baton with HTTP 400 and a JSON message', async () => {
    const h = await serve()
    const res = await h.post('/v2/pipeline', { baton: 'made-up', requests: [{ type: 'close' }] })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ message: expect.stringMatching(/baton/) })
  })
})

describe('db-server errors', () => {
  it('returns a SQL error as a client error and keeps serving', async () => {
    const { client } = await serve()
    await expect(client.execute('SELECT * FROM missing')).rejects.toMatchObject({
      name: 'LibsqlError',
      code: 'SQLITE_UNKNOWN',
      message: expect.stringMatching(/no such table: missing/),
    })
    await createTable(client)
    await client.execute("INSERT INTO vals (t) VALUES ('a')")
    await expect(client.execute("INSERT INTO vals (t) VALUES ('a')")).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT',
    })
    expect((await client.execute('SELECT 1 AS one')).rows[0]?.one).toBe(1n)
  })

  it('rejects more arguments than the statement takes instead of crashing', async () => {
    const { client } = await serve()
    await expect(client.execute({ sql: 'SELECT ?, ?', args: [1, 2, 3] })).rejects.toMatchObject({
      code: 'ARGS_INVALID',
    })
    expect((await client.execute({ sql: 'SELECT ?', args: [7n] })).rows[0]?.[0]).toBe(7n)
  })

  it('answers malformed JSON with HTTP 400 and a message', async () => {
    const h = await serve()
    const res = await h.post('/v2/pipeline', '{"requests": [')
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ message: expect.stringMatching(/JSON/) })
  })

  it('answers an unknown request type with HTTP 400 and a message', async () => {
    const h = await serve()
    const res = await h.post('/v3/pipeline', { baton: null, requests: [{ type: 'explode' }] })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ message: expect.stringMatching(/explode/) })
  })

  it('answers unknown paths with 404 and probes for JSON v2 and v3 with 200', async () => {
    const h = await serve()
    const get = (path: string) => fetch(new URL(path, h.server.url)).then((res) => res.status)
    expect(await get('/nowhere')).toBe(404)
    expect(await get('/v3-protobuf')).toBe(404)
    expect(await get('/v2')).toBe(200)
    expect(await get('/v3')).toBe(200)
    expect(await get('/health')).toBe(200)
  })
})

describe('db-server raw Hrana', () => {
  it('evaluates ok, error, not, and, or and is_autocommit batch conditions', async () => {
    const h = await serve()
    const steps = [
      { stmt: stmt('SELECT 1') },
      { stmt: stmt('SELECT * FROM missing') },
      { stmt: stmt('SELECT 2'), condition: { type: 'ok', step: 1 } },
      { stmt: stmt('SELECT 3'), condition: { type: 'error', step: 1 } },
      {
        stmt: stmt('SELECT 4'),
        condition: {
          type: 'and',
          conds: [
            { type: 'ok', step: 0 },
            { type: 'error', step: 1 },
          ],
        },
      },
      {
        stmt: stmt('SELECT 5'),
        condition: {
          type: 'or',
          conds: [
            { type: 'ok', step: 1 },
            { type: 'not', cond: { type: 'ok', step: 0 } },
          ],
        },
      },
      { stmt: stmt('SELECT 6'), condition: { type: 'is_autocommit' } },
    ]
    const { baton, results } = await h.pipeline(
      null,
      [{ type: 'batch', batch: { steps } }, { type: 'close' }],
      '/v3/pipeline',
    )
    const ran = expect.objectContaining({ rows: expect.any(Array) })
    const failed = expect.objectContaining({ code: 'SQLITE_UNKNOWN' })
    expect(results[0]).toMatchObject({
      type: 'ok',
      response: {
        result: {
          step_results: [
            ran,
            null,
            null,
            ran,
            ran,
            null,
            { rows: [[{ type: 'integer', value: '6' }]] },
          ],
          step_errors: [null, failed, null, null, null, null, null],
        },
      },
    })
    expect(baton).toBeNull()
  })

  it('keeps stored SQL texts per stream and describes statements', async () => {
    const h = await serve()
    const sql = 'SELECT :a AS a, ? AS b'
    const args = [
      { type: 'text', value: 'x' },
      { type: 'float', value: 2.5 },
    ]
    const first = await h.pipeline(
      null,
      [
        { type: 'store_sql', sql_id: 1, sql },
        { type: 'execute', stmt: { sql_id: 1, args } },
        { type: 'describe', sql_id: 1 },
        { type: 'get_autocommit' },
      ],
      '/v3/pipeline',
    )
    expect(first.results).toMatchObject([
      { type: 'ok', response: { type: 'store_sql' } },
      { type: 'ok', response: { result: { rows: [args] } } },
      {
        type: 'ok',
        response: {
          result: {
            params: [{ name: ':a' }, { name: null }],
            cols: [{ name: 'a' }, { name: 'b' }],
            is_explain: false,
            is_readonly: true,
          },
        },
      },
      { type: 'ok', response: { is_autocommit: true } },
    ])
    expect(first.baton).toEqual(expect.any(String))
    const second = await h.pipeline(first.baton, [
      { type: 'close_sql', sql_id: 1 },
      { type: 'execute', stmt: { sql_id: 1 } },
      { type: 'close' },
    ])
    expect(second.results[1]).toMatchObject({ type: 'error', error: { code: 'SQL_NOT_FOUND' } })
    expect(second.baton).toBeNull()
    const other = await h.pipeline(null, [
      { type: 'execute', stmt: { sql_id: 1 } },
      { type: 'close' },
    ])
    expect(other.results[0]).toMatchObject({ type: 'error', error: { code: 'SQL_NOT_FOUND' } })
  })

  it('still commits writes that follow an EXPLAIN on the same stream', async () => {
    const h = await serve()
    await createTable(h.client)
    const insert = "INSERT INTO vals (t) VALUES ('a')"
    const { results } = await h.pipeline(null, [
      { type: 'execute', stmt: stmt(`EXPLAIN ${insert}`) },
      { type: 'execute', stmt: stmt(insert) },
      { type: 'close' },
    ])
    expect(results.map((result) => result.type)).toEqual(['ok', 'ok', 'ok'])
    expect(await countRows(h.client)).toBe(1n)
  })

  it('takes an EXPLAIN behind a comment for an EXPLAIN, and still commits the writes after it', async () => {
    const h = await serve()
    await createTable(h.client)
    const insert = "INSERT INTO vals (t) VALUES ('a')"
    const { results } = await h.pipeline(null, [
      { type: 'execute', stmt: stmt(`-- the plan\n/* of */ EXPLAIN ${insert}`) },
      { type: 'execute', stmt: stmt(insert) },
      { type: 'close' },
    ])
    expect(results.map((result) => result.type)).toEqual(['ok', 'ok', 'ok'])
    expect(await countRows(h.client)).toBe(1n)
  })

  it('streams a batch through /v3/cursor as newline-delimited JSON', async () => {
    const h = await serve()
    const res = await h.post('/v3/cursor', {
      baton: null,
      batch: {
        steps: [
          { stmt: stmt('SELECT 1 AS n UNION ALL SELECT 2') },
          { stmt: stmt('SELECT * FROM missing') },
        ],
      },
    })
    const lines = (await res.text())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines.map((line) => line.type ?? 'head')).toEqual([
      'head',
      'step_begin',
      'row',
      'row',
      'step_end',
      'step_error',
    ])
    expect(lines[2].row).toEqual([{ type: 'integer', value: '1' }])
    expect(lines[5]).toMatchObject({ step: 1, error: { code: 'SQLITE_UNKNOWN' } })
    const close = await h.post('/v3/pipeline', {
      baton: lines[0].baton,
      requests: [{ type: 'close' }],
    })
    expect(close.status).toBe(200)
  })
})

describe('db-server stats and control', () => {
  it('counts exactly one pipeline per HTTP request the client sends', async () => {
    const h = await serve()
    expect(await roundTrips(h, () => h.client.execute('SELECT 1'))).toEqual({ served: 1, sent: 1 })
    expect(await roundTrips(h, () => h.client.batch(['SELECT 1', 'SELECT 2']))).toEqual({
      served: 1,
      sent: 1,
    })
    const stats = await fetch(new URL('/stats', h.server.url)).then((res) => res.json())
    expect(stats).toEqual(h.server.stats())
  })

  it('counts the round trips of each bearer token apart, for tests that run side by side', async () => {
    const h = await serve()
    const labelled = (token: string) => createClient({ url: h.server.url, authToken: token })
    const [a, b] = [labelled('label-a'), labelled('label-b')]
    await a.execute('SELECT 1')
    await a.batch(['SELECT 1', 'SELECT 2'])
    await b.execute('SELECT 1')
    await h.client.execute('SELECT 1')
    const stats = async (token: string) =>
      (await fetch(new URL(`/stats?token=${token}`, h.server.url))).json()
    expect(await stats('label-a')).toMatchObject({ pipelines: 2 })
    expect(await stats('label-b')).toMatchObject({ pipelines: 1 })
    expect(await stats('label-never-used')).toMatchObject({ pipelines: 0 })
    expect(h.server.stats('label-a')).toMatchObject({ pipelines: 2 })
    expect(h.server.stats().pipelines).toBeGreaterThanOrEqual(4)
    a.close()
    b.close()
  })

  it('counts the rows it sends back, from pipelines and cursors alike', async () => {
    const h = await serve()
    const before = h.server.stats().rows
    await h.client.execute('SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3')
    expect(h.server.stats().rows - before).toBe(3)
    // A batch goes through /v3/cursor; a statement that returns nothing adds nothing.
    await h.client.batch(['SELECT 1 UNION ALL SELECT 2', 'SELECT 1 WHERE 0', 'SELECT 4'])
    expect(h.server.stats().rows - before).toBe(6)
  })

  it('reports its slowest round trip until told to forget it', async () => {
    const h = await serve()
    await h.client.execute('SELECT 1')
    const quick = h.server.stats().slowestMs
    await h.client.execute(
      'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) FROM n',
    )
    const slow = h.server.stats().slowestMs
    expect(slow).toBeGreaterThan(quick)
    const reset = (await (await h.post('/stats/reset-slowest', {})).json()) as { slowestMs: number }
    expect(reset.slowestMs).toBe(0)
  })

  it('delays and fails pipelines on request when control is enabled', async () => {
    const h = await serve({ control: true })
    const control = async (body: object) => (await h.post('/control', body)).json()
    expect(await control({ delayMs: 250 })).toEqual({ delayMs: 250, failing: false })
    const started = Date.now()
    await h.client.execute('SELECT 1')
    expect(Date.now() - started).toBeGreaterThanOrEqual(240)
    await control({ delayMs: 0, failing: true })
    await expect(h.client.execute('SELECT 1')).rejects.toMatchObject({
      code: 'SERVER_ERROR',
      message: expect.stringMatching(/503/),
    })
    await control({ failing: false })
    expect((await h.client.execute('SELECT 1 AS one')).rows[0]?.one).toBe(1n)
    expect((await h.post('/control', { failing: 'yes' })).status).toBe(400)
  })

  it('answers /control with 404 when control is not enabled', async () => {
    const h = await serve()
    expect((await h.post('/control', { failing: true })).status).toBe(404)
    expect((await h.client.execute('SELECT 1 AS one')).rows[0]?.one).toBe(1n)
  })

  it('applies the delayMs option to every pipeline', async () => {
    const { client } = await serve({ delayMs: 150 })
    const started = Date.now()
    await client.execute('SELECT 1')
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('closes promptly with a transaction open and keep-alive connections', async () => {
    const h = await serve()
    await createTable(h.client)
    const tx = await h.client.transaction('write')
    await tx.execute("INSERT INTO vals (t) VALUES ('a')")
    const started = Date.now()
    await h.server.close()
    expect(Date.now() - started).toBeLessThan(1000)
    await expect(tx.execute('SELECT 1')).rejects.toThrow()
  })
})

describe('db-server in read-only mode', () => {
  it('answers reads and turns every write into a client error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulletin-readonly-'))
    const dbPath = join(dir, 'test.db')
    const writable = await startDbServer({ dbPath, port: 0, quiet: true })
    const readonly = await startDbServer({ dbPath, port: 0, quiet: true, readonly: true })
    const writer = createClient({ url: writable.url, intMode: 'bigint' })
    const reader = createClient({ url: readonly.url })
    try {
      await createTable(writer)
      await writer.execute({ sql: 'INSERT INTO vals (t) VALUES (?)', args: ['kept'] })
      expect((await reader.execute('SELECT t FROM vals')).rows[0]?.t).toBe('kept')
      await expect(reader.execute("INSERT INTO vals (t) VALUES ('x')")).rejects.toThrow(/readonly/i)
      expect(await countRows(writer)).toBe(1n)
    } finally {
      writer.close()
      reader.close()
      await Promise.all([writable.close(), readonly.close()])
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
