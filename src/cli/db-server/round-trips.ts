// The db-server's round-trip counter: one in all, and one per bearer token the clients send.

/** Labels kept for per-token counts; the oldest is forgotten first. */
const MAX_COUNTED_TOKENS = 10_000

/**
 * The db-server checks no token, so tests give each connection a label of their own as its bearer
 * token and read back only their own round trips, whatever else runs against the server at once.
 */
export class RoundTripCounter {
  #total = 0
  readonly #byToken = new Map<string, number>()

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

  /** Every round trip served, or only those sent with `token`. */
  read(token?: string): { pipelines: number } {
    return { pipelines: token === undefined ? this.#total : (this.#byToken.get(token) ?? 0) }
  }
}
