// Types for the Worker tests: the bindings vitest.config.ts adds and the Worker's default export.
type BulletinEnv = import('../../src/env').Env

declare namespace Cloudflare {
  interface Env extends BulletinEnv {
    /** The db-server's origin, for reading its round-trip counter. */
    DB_STATS_URL: string
    /** The test database served read-only, for proving that GET requests never write. */
    DB_READONLY_URL: string
    /** More fuzz runs than the default, for a long session: `FUZZ_RUNS=5000 npm test`. */
    FUZZ_RUNS: string
  }
  interface Exports {
    default: Fetcher
  }
}
