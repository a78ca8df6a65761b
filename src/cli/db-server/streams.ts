// The open streams of a db-server: each parked under a fresh unguessable baton, closed when idle.
import { randomBytes } from 'node:crypto'
import { ConnectionPool } from './pool'
import type { Stream } from './requests'

/** A baton that names no open stream: it expired, was closed, or was already used. */
export class StreamExpiredError extends Error {}

export class Streams {
  readonly #parked = new Map<string, { stream: Stream; timer: NodeJS.Timeout }>()
  readonly #open = new Set<Stream>()
  readonly #pool: ConnectionPool

  constructor(
    dbPath: string,
    readonly ttlMs: number,
    readonly = false,
  ) {
    this.#pool = new ConnectionPool(dbPath, readonly)
  }

  open(): Stream {
    const stream = { conn: this.#pool.acquire(), sqls: new Map() }
    this.#open.add(stream)
    return stream
  }

  /** Claims a parked stream. Its baton is spent, so a replayed request cannot run on it twice. */
  take(baton: string): Stream {
    const parked = this.#parked.get(baton)
    if (!parked) {
      throw new StreamExpiredError(
        'The stream for this baton is closed or has expired due to inactivity',
      )
    }
    this.#parked.delete(baton)
    clearTimeout(parked.timer)
    return parked.stream
  }

  /** Keeps the stream for its next request and returns the baton that claims it. */
  park(stream: Stream): string {
    const baton = randomBytes(24).toString('base64url')
    const timer = setTimeout(() => {
      this.#parked.delete(baton)
      this.close(stream)
    }, this.ttlMs)
    timer.unref()
    this.#parked.set(baton, { stream, timer })
    return baton
  }

  /** Ends a stream; its connection goes back to the pool, which closes it unless reusable. */
  close(stream: Stream): void {
    if (this.#open.delete(stream)) this.#pool.release(stream.conn)
  }

  /** Closes the parked streams; those in the middle of a request close when it ends. */
  closeParked(): void {
    for (const { stream, timer } of this.#parked.values()) {
      clearTimeout(timer)
      this.close(stream)
    }
    this.#parked.clear()
  }

  /** At shutdown: every stream and every idle connection, so nothing keeps the file open. */
  closeAll(): void {
    this.closeParked()
    this.#pool.close()
    for (const stream of this.#open) this.close(stream)
  }
}
