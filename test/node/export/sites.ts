// Sites for export tests: migrated libSQL files (seeded or empty), served over HTTP to render pages.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { createApp } from '../../../src/app'
import { startDbServer } from '../../../src/cli/db-server'
import { migrateDatabase, openClient } from '../../../src/cli/migrate'
import { seedDatabase } from '../../../src/cli/seed'
import { createDb, type Db } from '../../../src/db/client'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

export const NOW = Date.parse('2026-11-30T12:00:00Z')

export interface Site {
  db: Db
  dir: string
  path: string
  /** Renders a path with the real app against this site's database, uncached. */
  render: (path: string) => Promise<Response>
}

/** A fresh migrated database file, seeded with the demo site unless `empty`. */
export async function createSite({ empty = false } = {}): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-export-'))
  const path = join(dir, 'site.db')
  const client = openClient(`file:${path}`)
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  cleanups.push(() => client.close())
  await migrateDatabase(client)
  const db = createDb(client)
  if (!empty) await seedDatabase(db, { now: NOW, adminPassword: 'export-test-password' })
  let server: Awaited<ReturnType<typeof startDbServer>> | undefined
  const app = createApp({ openCache: async () => undefined })
  return {
    db,
    dir,
    path,
    async render(pathname) {
      if (!server) {
        server = await startDbServer({ dbPath: path, port: 0, quiet: true })
        const started = server
        cleanups.push(() => started.close())
      }
      const env = {
        TURSO_DATABASE_URL: server.url,
        IP_HASH_SALT: 'export-test-salt',
        SITE_URL: 'http://bulletin.test',
      }
      return app.fetch(new Request(new URL(pathname, 'http://bulletin.test')), env)
    },
  }
}
