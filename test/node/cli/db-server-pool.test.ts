// db-server's connection pool: a stream gets a reused connection only when it is as good as new.
import { existsSync, rmSync } from 'node:fs'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createClient } from '@libsql/client/web'
import Database from 'libsql'
import { describe, expect, it } from 'vitest'
import { startDbServer } from '../../../src/cli/db-server'
import { ConnectionPool, MAX_IDLE } from '../../../src/cli/db-server/pool'
import { type Harness, type PipelineBody, serve, stmt } from './db-server-harness'

type Result = PipelineBody['results'][number]

setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

/**
 * Whether the file still has its WAL after a few garbage collections. libsql's close() leaves the
 * native connection open until its statements are collected; a connection still referenced (kept
 * in the pool) is never collected, so the WAL stays.
 */
async function walRemains(dbPath: string): Promise<boolean> {
  for (let attempt = 0; attempt < 5 && existsSync(`${dbPath}-wal`); attempt++) {
    collectGarbage()
    await new Promise((done) => setImmediate(done))
  }
  return existsSync(`${dbPath}-wal`) || existsSync(`${dbPath}-shm`)
}

/** Runs statements on a stream of their own, closed at the end: its connection goes back. */
async function onNewStream(h: Harness, ...sqls: string[]): Promise<Result[]> {
  const requests = sqls.map((sql) => ({ type: 'execute', stmt: stmt(sql) }))
  const { results } = await h.pipeline(null, [...requests, { type: 'close' }])
  return results.slice(0, -1)
}

function rowsOf(result: Result | undefined): unknown[][] {
  if (result?.type !== 'ok') throw new Error(`The statement failed: ${result?.error?.message}`)
  const response = result.response as { result: { rows: { value?: unknown }[][] } }
  return response.result.rows.map((row) => row.map((cell) => cell.value ?? null))
}

/** Opens `count` streams at once and runs `sqls` on each; they keep their connections open. */
async function openStreams(h: Harness, count: number, sqls: string[]) {
  const requests = sqls.map((sql) => ({ type: 'execute', stmt: stmt(sql) }))
  return Promise.all(Array.from({ length: count }, () => h.pipeline(null, requests)))
}

function columnsOf(result: Result | undefined): string[] {
  const response = result?.response as { result: { cols: { name: string }[] } } | undefined
  return response?.result.cols.map((col) => col.name) ?? []
}

async function closeStreams(h: Harness, batons: (string | null)[]) {
  await Promise.all(batons.map((baton) => h.pipeline(baton, [{ type: 'close' }])))
}

describe('db-server connection pool', () => {
  it('hands the connection of a stream that only read to the next stream', () => {
    const pool = new ConnectionPool(':memory:')
    const first = pool.acquire()
    pool.release(first)
    expect(pool.acquire()).toBe(first)
    pool.close()
  })

  it(`keeps at most ${MAX_IDLE} idle connections and closes the rest`, () => {
    const pool = new ConnectionPool(':memory:')
    const busy = Array.from({ length: MAX_IDLE + 2 }, () => pool.acquire())
    for (const conn of busy) pool.release(conn)
    const again = Array.from({ length: MAX_IDLE + 2 }, () => pool.acquire())
    expect(again.filter((conn) => busy.includes(conn))).toHaveLength(MAX_IDLE)
    pool.close()
  })

  it('never hands over a connection that a stream left inside a transaction', async () => {
    const h = await serve()
    await onNewStream(h, 'BEGIN', 'SELECT 1')
    const { results } = await h.pipeline(null, [{ type: 'get_autocommit' }, { type: 'close' }])
    expect(results[0]?.response).toEqual({ type: 'get_autocommit', is_autocommit: true })
  })

  it('never hands over a connection that wrote: its last_insert_rowid() would leak', async () => {
    const h = await serve()
    await onNewStream(
      h,
      'CREATE TABLE t (id INTEGER PRIMARY KEY, x)',
      'INSERT INTO t (id, x) VALUES (42, 1)',
    )
    const [read] = await onNewStream(h, 'SELECT last_insert_rowid(), changes()')
    expect(rowsOf(read)).toEqual([['0', '0']])
  })

  it('binds NULL to the parameters a request leaves out, though the kept statement had values', async () => {
    const h = await serve()
    const int = (value: string) => ({ type: 'integer', value })
    const both = stmt('SELECT ?, ?', [int('1'), int('2')])
    await h.pipeline(null, [{ type: 'execute', stmt: both }, { type: 'close' }])
    const { results } = await h.pipeline(null, [
      { type: 'execute', stmt: stmt('SELECT ?, ?', [int('7')]) },
      { type: 'execute', stmt: stmt('SELECT ?, ?') },
      { type: 'close' },
    ])
    expect(rowsOf(results[0])).toEqual([['7', null]])
    expect(rowsOf(results[1])).toEqual([[null, null]])
  })

  it.each([
    ['a pragma', 'PRAGMA query_only = ON', 'CREATE TABLE later (x)'],
    ['an attached database', "ATTACH ':memory:' AS side", "ATTACH ':memory:' AS side"],
    ['a temp table', 'CREATE TEMP TABLE scratch (x)', 'CREATE TEMP TABLE scratch (x)'],
    ['a temp view', 'CREATE TEMPORARY VIEW v AS SELECT 1', 'CREATE TEMP VIEW v AS SELECT 1'],
  ])('never hands over a connection that %s changed', async (_, change, probe) => {
    const h = await serve()
    expect((await onNewStream(h, change))[0]?.type).toBe('ok')
    expect((await onNewStream(h, probe))[0]).toMatchObject({ type: 'ok' })
  })

  it('keeps a read-only server read-only after a stream turns query_only off', async () => {
    const h = await serve()
    await onNewStream(h, 'CREATE TABLE t (x)')
    const readonly = await startDbServer({ dbPath: h.dbPath, port: 0, quiet: true, readonly: true })
    try {
      const reader = createClient({ url: readonly.url })
      await reader.execute('PRAGMA query_only = OFF')
      await expect(reader.execute('INSERT INTO t VALUES (1)')).rejects.toThrow(/readonly/i)
      reader.close()
    } finally {
      await readonly.close()
    }
  })

  it('shows pooled connections the tables another one created, altered and dropped', async () => {
    const h = await serve()
    await h.client.executeMultiple('CREATE TABLE earlier (x); CREATE TABLE later (x);')
    // Three connections that have read the schema as it was (and prepared these texts), idle.
    const before = await openStreams(h, 3, ['SELECT * FROM later', 'SELECT * FROM earlier'])
    await closeStreams(
      h,
      before.map((stream) => stream.baton),
    )
    const migration = 'ALTER TABLE later ADD added; CREATE TABLE newest (y); DROP TABLE earlier;'
    await h.client.executeMultiple(migration)
    // All three at once, so at least two are connections other than the migration's.
    const after = await openStreams(h, 3, [
      'SELECT * FROM later',
      'SELECT count(*) FROM newest',
      'SELECT * FROM earlier',
    ])
    for (const { results } of after) {
      expect(columnsOf(results[0])).toEqual(['x', 'added'])
      expect(rowsOf(results[1])).toEqual([['0']])
      expect(results[2]?.error?.message).toMatch(/no such table: earlier/)
    }
    await closeStreams(
      h,
      after.map((stream) => stream.baton),
    )
  })

  it('closes its idle connections at shutdown, so the file can be replaced', async () => {
    const h = await serve()
    await h.client.executeMultiple("CREATE TABLE t (x); INSERT INTO t VALUES ('old');")
    await onNewStream(h, 'SELECT x FROM t')
    await h.server.close()
    // SQLite removes the WAL and its index when the file's last connection closes.
    expect(await walRemains(h.dbPath)).toBe(false)
    rmSync(h.dbPath)
    const replacement = new Database(h.dbPath)
    replacement.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('new')")
    replacement.close()
    const next = await startDbServer({ dbPath: h.dbPath, port: 0, quiet: true })
    try {
      const client = createClient({ url: next.url })
      expect((await client.execute('SELECT x FROM t')).rows.map((row) => row.x)).toEqual(['new'])
      client.close()
    } finally {
      await next.close()
    }
  })
})
