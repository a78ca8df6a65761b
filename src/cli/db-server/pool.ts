// Idle libSQL connections of one db-server file, handed to new streams when nothing can leak.
import { BoundedMap } from '../../lib/bounded-map'
import { type LayoutCache, SqlConnection } from './connection'

/**
 * Idle connections kept per file. Opening one costs about 1.5 ms (mostly parsing a schema of
 * ~130 tables, indexes and triggers), as much as the article page's whole batch. Streams beyond
 * this many at once still get connections; only the surplus is closed when they end.
 */
export const MAX_IDLE = 8

export class ConnectionPool {
  readonly #idle: SqlConnection[] = []
  /** Layouts by SQL text, shared by every connection: they depend on the text alone. */
  readonly #layouts: LayoutCache = new BoundedMap(1000)
  #closed = false

  constructor(
    readonly path: string,
    readonly readonly = false,
  ) {}

  /** The most recently returned idle connection (its page cache is the warmest), or a new one. */
  acquire(): SqlConnection {
    return this.#idle.pop() ?? new SqlConnection(this.path, this.#layouts, this.readonly)
  }

  /**
   * Takes a connection back from a stream that ended. A connection that holds anything of that
   * stream (see `isReusable`), or that the pool has no room or use for, is closed instead.
   */
  release(conn: SqlConnection): void {
    if (!this.#closed && this.#idle.length < MAX_IDLE && conn.isReusable) this.#idle.push(conn)
    else conn.close()
  }

  /** Closes the idle connections, so that the file can be removed or replaced afterwards. */
  close(): void {
    this.#closed = true
    for (const conn of this.#idle.splice(0)) conn.close()
  }
}
