// The db-server's round-trip counter: one in all, one per bearer token, the rows sent, the slowest trip.

/** Labels kept for per-token counts; the oldest is forgotten first. */
const MAX_COUNTED_TOKENS = 10_000

/**
 * The db-server checks no token, so tests give each connection a label of their own as its bearer
 * token and read back only their own round trips, whatever else runs against the server at once.
 */
export class RoundTripCounter {
  #total = 0
  readonly #byToken = new Map<string, number>()
  #slowestMs = 0
  #rows = 0

  /** Counts one pipeline or cursor request, under the bearer token of its `Authorization`. */
  count(authorization: string | undefined): void {
    this.#total++
    const token = authorization?.match(/^Bearer (.+)$/)?.[1]
    if (!token) return
    if (!this.#byToken.has(token) && this.#byToken.size >= MAX_COUNTED_TOKENS) {
      this.#byToken.delete(this.#byToken.keys().next().value as string)
    }
    this.#byToken.set(token, (this.#byToken.get(token) ?? 0) + 1)
  }

  /**
   * Notes how long a round trip took to run. The server runs one statement at a time, so a bound
   * on the slowest round trip bounds every statement in it: what the scale benchmark checks.
   */
  observe(ms: number): void {
    this.#slowestMs = Math.max(this.#slowestMs, ms)
  }

  /**
   * Notes the rows a round trip sent back. libSQL's client and this server have no count of the
   * rows a statement reads; the rows it returns are what a client decodes, and bound what it reads
   * wherever a plan is index seeks.
   */
  addRows(rows: number): void {
    this.#rows += rows
  }

  /**
   * Every round trip served, or only those sent with `token`; the rows sent in all; the slowest
   * round trip since the last reset.
   */
  read(token?: string): { pipelines: number; rows: number; slowestMs: number } {
    const pipelines = token === undefined ? this.#total : (this.#byToken.get(token) ?? 0)
    return { pipelines, rows: this.#rows, slowestMs: Math.round(this.#slowestMs * 10) / 10 }
  }

  resetSlowest(): void {
    this.#slowestMs = 0
  }
}
