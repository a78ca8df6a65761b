// One libSQL connection behind a db-server stream: exact integers, kept statements, waiting writes.
import Database from 'libsql'
import { BoundedMap } from '../../lib/bounded-map'
import { encodeValue, type SqlValue, type Stmt, type StmtResultJson } from './protocol'
import {
  analyze,
  bindArgs,
  busyKind,
  EXPLAIN,
  type Layout,
  readAll,
  waitForLock,
} from './statements'

/** Layouts by SQL text, shared by every connection of one server; they depend on the text alone. */
export type LayoutCache = BoundedMap<string, Layout>

/**
 * SQL that can leave state on the connection for whoever uses it next: pragmas (query_only,
 * foreign_keys...), attached databases, the temp schema, extensions. Deliberately broad, matched
 * anywhere in the text: a false match only costs the pool one connection.
 */
const CONNECTION_STATE = /pragma|\b(attach|detach|temp|temporary)\b|load_extension/i

/** Prepared statements kept per connection; a Worker sends the same few hundred texts. */
const MAX_STATEMENTS = 256

export class SqlConnection {
  readonly #path: string
  readonly #layouts: LayoutCache
  readonly #readonly: boolean
  #db: Database.Database
  #meta: Database.Statement
  /** A statement gave up waiting for the lock and is stuck mid-step; see execute(). */
  #stuck = false
  /** Some SQL run here matched CONNECTION_STATE. */
  #stateful = false
  /**
   * By SQL text. Preparing the article page's 20 statements costs ~0.9 ms, as much as running
   * them; SQLite prepares a kept statement again by itself when the schema has changed.
   */
  readonly #statements = new BoundedMap<string, Database.Statement>(MAX_STATEMENTS)

  constructor(path: string, layouts: LayoutCache, readonly = false) {
    this.#path = path
    this.#layouts = layouts
    this.#readonly = readonly
    ;[this.#db, this.#meta] = open(path, readonly)
  }

  get isAutocommit(): boolean {
    return !this.#db.inTransaction
  }

  /**
   * Whether another stream may have this connection as if it were new: no transaction open, no
   * statement stuck, no SQL that changes connection state, and no write at all, so that
   * last_insert_rowid() and changes() still read 0 as on a new connection.
   */
  get isReusable(): boolean {
    if (!this.#db.open || this.#stuck || this.#stateful || this.#db.inTransaction) return false
    const [total, , rowid] = this.#changes()
    return total === 0n && rowid === 0n
  }

  async execute(sql: string, stmt: Stmt, signal: AbortSignal): Promise<StmtResultJson> {
    const prepared = this.#prepare(sql)
    const args = bindArgs(stmt, this.#layout(sql))
    // Every attempt runs the same statement: running it again resets the attempt that failed.
    const attempt = () => this.#run(prepared, EXPLAIN.test(sql), args, stmt.wantRows)
    // Waiting cannot help here: SQLite refuses to COMMIT while the stuck statement exists.
    if (this.#stuck) return attempt()
    try {
      return await waitForLock(attempt, signal)
    } catch (error) {
      // A statement that failed with SQLITE_BUSY stays mid-step until reset, and meanwhile SQLite
      // holds back every COMMIT on the connection, even autocommit ones that then silently never
      // happen. libsql cannot reset it, so #ready() replaces the connection once it is safe to.
      if (busyKind(error) || signal.aborted) this.#stuck = true
      throw error
    }
  }

  /** Runs a script of statements, as `executeMultiple` sends, ignoring any rows. */
  async sequence(sql: string, signal: AbortSignal): Promise<void> {
    const db = this.#use(sql)
    if (!db.inTransaction) {
      // A script cannot be retried halfway through, so wait for the write lock first. Nothing
      // else in this process can take it between the ROLLBACK and exec(), which run synchronously.
      // exec() finalizes its statements, so a failed attempt leaves nothing stuck.
      try {
        await waitForLock(() => db.exec('BEGIN IMMEDIATE'), signal)
        db.exec('ROLLBACK')
      } catch (error) {
        if (signal.aborted) throw error
      }
    }
    db.exec(sql)
  }

  describe(sql: string) {
    // Not a kept statement: its columns would predate any schema change until it runs again.
    const prepared = this.#use(sql).prepare(sql)
    const layout = this.#layout(sql)
    const isExplain = EXPLAIN.test(sql)
    return {
      params: layout.names.map((name) => ({ name })),
      cols: prepared.reader
        ? prepared.columns().map((col) => ({ name: col.name, decltype: col.type }))
        : [],
      is_explain: isExplain,
      is_readonly: isExplain || layout.readonly,
    }
  }

  /** Rolls back whatever the stream left open and closes the connection. Never throws. */
  close(): void {
    if (!this.#db.open) return
    try {
      // Explicitly: libsql keeps the native connection, locks included, until its statements are
      // garbage collected.
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK')
    } catch {
      // Closing is all that is left to do for a connection whose rollback fails.
    } finally {
      this.#statements.clear()
      this.#db.close()
    }
  }

  #prepare(sql: string): Database.Statement {
    const db = this.#use(sql)
    return this.#statements.remember(sql, () => db.prepare(sql))
  }

  /** The connection to run `sql` on, noting SQL that would leave state for the next stream. */
  #use(sql: string): Database.Database {
    if (CONNECTION_STATE.test(sql)) this.#stateful = true
    return this.#ready()
  }

  #ready(): Database.Database {
    if (this.#stuck && !this.#db.inTransaction) {
      this.close()
      ;[this.#db, this.#meta] = open(this.#path, this.#readonly)
      this.#stuck = false
    }
    return this.#db
  }

  #run(prepared: Database.Statement, isExplain: boolean, args: SqlValue[], wantRows: boolean) {
    const [totalBefore] = this.#changes()
    let cols: StmtResultJson['cols'] = []
    let rows: unknown[][] = []
    if (prepared.reader) {
      rows = readAll(prepared.raw(true), args, isExplain) as unknown[][]
      // Only after running: a kept statement is prepared again, with the new columns, on its first
      // step after a schema change.
      cols = prepared.columns().map((col) => ({ name: col.name, decltype: col.type }))
    } else {
      prepared.run(args)
    }
    const [totalAfter, changes, rowid] = this.#changes()
    return {
      cols,
      rows: wantRows ? rows.map((row) => row.map(encodeValue)) : [],
      // changes() keeps the count of the last write, so a SELECT after an INSERT would repeat it.
      affected_row_count: totalAfter === totalBefore ? 0 : Number(changes),
      // run() reports the rowid as a float; this keeps ids beyond 2^53 exact.
      last_insert_rowid: String(rowid),
    }
  }

  #changes(): [bigint, bigint, bigint] {
    return this.#meta.get([]) as [bigint, bigint, bigint]
  }

  #layout(sql: string): Layout {
    return this.#layouts.remember(sql, () => analyze(this.#db, sql))
  }
}

function open(path: string, readonly: boolean): [Database.Database, Database.Statement] {
  // No busy timeout: libsql waits synchronously, which would freeze the event loop and with it the
  // very stream that holds the lock. waitForLock() waits asynchronously instead.
  const db = new Database(path, { timeout: 0 })
  db.defaultSafeIntegers(true)
  db.exec('PRAGMA synchronous = NORMAL')
  // A read-only server turns any write into an error: tests use it to prove GETs change nothing.
  if (readonly) db.exec('PRAGMA query_only = ON')
  return [db, db.prepare('SELECT total_changes(), changes(), last_insert_rowid()').raw(true)]
}
