// `npm run db:seed`: fills an empty database with deterministic demo content and local accounts.
import { fileURLToPath } from 'node:url'
import { eq } from 'drizzle-orm'
import { createDb, type Db } from '../db/client'
import { articles, categories } from '../db/schema'
import { DEFAULT_DB_URL, migrateDatabase, openClient } from './migrate'
import { addArabicEdition } from './seed/arabic-rows'
import { seedLiveCoverage } from './seed/live'
import { REFERENCE_SLUG } from './seed/reference-article'
import { buildSeedRows } from './seed/rows'
import { ensureUser, generatePassword } from './seed/users'
import { writeSeedRows } from './seed/write'

export const DEFAULT_ADMIN_EMAIL = 'admin@bulletin.local'

export interface SeedOptions {
  /** The reference time (ms): content is the same on every run, only timestamps follow `now`. */
  now: number
  adminEmail?: string
  adminPassword?: string
  /** Editor and author accounts get random, unreported passwords unless these are given. */
  editorPassword?: string
  authorPassword?: string
}

export interface SeedResult {
  /** False when the database already had content; nothing but missing accounts was added. */
  seeded: boolean
  articles: number
  categories: number
  adminEmail: string
  /** Only when this run generated it and created the admin; show it once, never log it. */
  adminPassword?: string
}

/**
 * Seeds demo content into an empty, migrated database in one batch. Safe to run again: a
 * database with any category or the reference article is left alone, and an account whose
 * email exists is never touched.
 */
export async function seedDatabase(db: Db, options: SeedOptions): Promise<SeedResult> {
  if (!Number.isFinite(options.now)) throw new TypeError('seedDatabase needs a numeric `now`')
  const adminEmail = (options.adminEmail?.trim() || DEFAULT_ADMIN_EMAIL).toLowerCase()
  // An empty value (say, an unset variable passed through) counts as no password at all.
  const generated = options.adminPassword ? undefined : generatePassword()
  const password = options.adminPassword || (generated as string)
  const adminCreated = await ensureUser(db, {
    email: adminEmail,
    name: 'Local Admin',
    role: 'admin',
    password,
  })
  await ensureUser(db, {
    email: 'editor@bulletin.local',
    name: 'Local Editor',
    role: 'editor',
    password: options.editorPassword || generatePassword(),
  })
  await ensureUser(db, {
    email: 'author@bulletin.local',
    name: 'Local Author',
    role: 'author',
    password: options.authorPassword || generatePassword(),
  })
  const shown = adminCreated && generated ? { adminPassword: generated } : {}

  if (await hasContent(db))
    return { seeded: false, articles: 0, categories: 0, adminEmail, ...shown }
  const rows = addArabicEdition(buildSeedRows(options.now), options.now)
  await writeSeedRows(db, rows)
  await seedLiveCoverage(db, options.now)
  return {
    seeded: true,
    articles: rows.articles.length,
    categories: rows.categories.length,
    adminEmail,
    ...shown,
  }
}

async function hasContent(db: Db): Promise<boolean> {
  const [category, reference] = await db.batch([
    db.select({ id: categories.id }).from(categories).limit(1),
    db.select({ id: articles.id }).from(articles).where(eq(articles.slug, REFERENCE_SLUG)).limit(1),
  ])
  return category.length > 0 || reference.length > 0
}

async function main() {
  const env = process.env
  const url = env.TURSO_DATABASE_URL || DEFAULT_DB_URL
  const client = openClient(url, env.TURSO_AUTH_TOKEN)
  try {
    await migrateDatabase(client)
    const result = await seedDatabase(createDb(client), {
      now: Date.now(),
      adminEmail: env.SEED_ADMIN_EMAIL || undefined,
      adminPassword: env.SEED_ADMIN_PASSWORD || undefined,
      editorPassword: env.SEED_EDITOR_PASSWORD || undefined,
      authorPassword: env.SEED_AUTHOR_PASSWORD || undefined,
    })
    console.log(
      result.seeded
        ? `Seeded ${result.articles} articles in ${result.categories} categories`
        : 'Database already has content; nothing seeded',
    )
    if (result.adminPassword) {
      console.log(
        `Local admin: ${result.adminEmail} / ${result.adminPassword} (local use only; shown once)`,
      )
    }
  } finally {
    client.close()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : error}`)
    process.exit(1)
  })
}
