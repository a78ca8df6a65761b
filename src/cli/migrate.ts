// `npm run db:migrate`: applies pending migrations to TURSO_DATABASE_URL (file:, http:// or libsql://).
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Client, createClient } from '@libsql/client'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { createDb } from '../db/client'

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations')
export const DEFAULT_DB_URL = 'file:data/bulletin.db'

/** Opens a Node libSQL client, creating the parent folder of a `file:` database if needed. */
export function openClient(url: string, authToken?: string): Client {
  if (url.startsWith('file:'))
    mkdirSync(dirname(resolve(url.slice('file:'.length))), { recursive: true })
  return createClient({ url, authToken })
}

/** Applies every migration not yet recorded in `__drizzle_migrations`; a second run is a no-op. */
export async function migrateDatabase(client: Client): Promise<void> {
  await migrate(createDb(client), { migrationsFolder: MIGRATIONS_DIR })
}

async function main() {
  const url = process.env.TURSO_DATABASE_URL ?? DEFAULT_DB_URL
  const client = openClient(url, process.env.TURSO_AUTH_TOKEN)
  try {
    await migrateDatabase(client)
    console.log(`Migrated ${url.replace(/\?.*$/, '')}`)
  } finally {
    client.close()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`Migration failed: ${error instanceof Error ? error.message : error}`)
    process.exit(1)
  })
}
