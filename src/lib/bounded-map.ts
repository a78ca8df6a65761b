// A Map for what is worked out once and kept for a process's life: cleared when full, never unbounded.

/**
 * Caches of formatters, signed tokens, prepared statements and the like: each key is worked out
 * once, and a flood of distinct keys (many moments, many SQL texts) clears the map rather than
 * growing it, so the next requests simply work their values out again.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  readonly #max: number

  constructor(max: number) {
    super()
    this.#max = max
  }

  override set(key: K, value: V): this {
    if (this.size >= this.#max && !this.has(key)) this.clear()
    return super.set(key, value)
  }

  /** The value kept under `key`, worked out by `compute` the first time. */
  remember(key: K, compute: () => V): V {
    let value = this.get(key)
    if (value === undefined) {
      value = compute()
      this.set(key, value)
    }
    return value
  }
}
