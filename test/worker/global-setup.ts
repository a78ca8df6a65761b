// Worker tests' global setup: a fresh migrated, seeded libSQL file served by the local db-server.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { startDbServer } from '../../src/cli/db-server'
import { migrateDatabase, openClient } from '../../src/cli/migrate'
import { seedDatabase } from '../../src/cli/seed'
import { createDb } from '../../src/db/client'

declare module 'vitest' {
  export interface ProvidedContext {
    dbUrl: string
    /** The same file served read-only: a request that tries to write gets an error. */
    dbReadonlyUrl: string
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-worker-'))
  const dbPath = join(dir, 'bulletin.db')
  const client = openClient(`file:${dbPath}`)
  try {
    await migrateDatabase(client)
    await seedDatabase(createDb(client), { now: Date.now(), adminPassword: 'worker-test-password' })
  } finally {
    client.close()
  }
  const server = await startDbServer({ dbPath, port: 0, quiet: true })
  const readonlyServer = await startDbServer({ dbPath, port: 0, quiet: true, readonly: true })
  project.provide('dbUrl', server.url)
  project.provide('dbReadonlyUrl', readonlyServer.url)
  return async () => {
    await Promise.all([server.close(), readonlyServer.close()])
    rmSync(dir, { recursive: true, force: true })
  }
}
