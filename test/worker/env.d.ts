// Types for the Worker tests: the bindings vitest.config.ts adds and the Worker's default export.
type BulletinEnv = import('../../src/env').Env

declare namespace Cloudflare {
  interface Env extends BulletinEnv {
    /** The db-server's origin, for reading its round-trip counter. */
    DB_STATS_URL: string
  }
  interface Exports {
    default: Fetcher
  }
}
