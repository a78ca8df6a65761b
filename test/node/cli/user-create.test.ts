// `npm run user:create`: the password from stdin, weak ones refused, duplicates refused, the hash stored.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateDatabase, openClient } from '../../../src/cli/migrate'
import { createAccount } from '../../../src/cli/user-create'
import { createDb } from '../../../src/db/client'
import { users } from '../../../src/db/schema'
import { verifyPassword } from '../../../src/services/passwords'

const ROOT = resolve(import.meta.dirname, '../../..')
let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulletin-user-create-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs the real command, as `npm run user:create --` would, with the password on stdin. */
function run(dbFile: string, args: string[], stdin: string) {
  return spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/user-create.ts', ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, TURSO_DATABASE_URL: `file:${dbFile}`, PASSWORD_ITERATIONS: '10000' },
  })
}

describe('user:create', () => {
  it('creates an account from a password on stdin, migrating the database first', async () => {
    const file = join(dir, 'cli.db')
    const result = run(
      file,
      ['--email', 'Chief@Example.com', '--role', 'admin', '--password-stdin'],
      'maple orbit tundra seven\n',
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^Created admin chief@example.com \(id \d+\)/)
    const client = openClient(`file:${file}`)
    try {
      const [row] = await createDb(client)
        .select()
        .from(users)
        .where(eq(users.email, 'chief@example.com'))
      expect(row?.role).toBe('admin')
      expect(row?.passwordHash).toMatch(/^pbkdf2-sha256\$10000\$/)
      expect((await verifyPassword('maple orbit tundra seven', row?.passwordHash ?? '')).ok).toBe(
        true,
      )
    } finally {
      client.close()
    }
    const again = run(
      file,
      ['--email', 'chief@example.com', '--role', 'editor', '--password-stdin'],
      'another long passphrase',
    )
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('already exists')
  })

  it('refuses a weak password and a wrong role, and explains its usage', () => {
    const file = join(dir, 'weak.db')
    const weak = run(
      file,
      ['--email', 'a@example.com', '--role', 'editor', '--password-stdin'],
      'short\n',
    )
    expect(weak.status).toBe(1)
    expect(weak.stderr).toContain('Password refused: Use at least 12 characters')
    const usage = run(file, ['--email', 'a@example.com'], '')
    expect(usage.status).toBe(2)
    expect(usage.stdout).toContain('Usage: npm run user:create')
    const noTty = run(file, ['--email', 'a@example.com', '--role', 'author'], '')
    expect(noTty.status).toBe(1)
    expect(noTty.stderr).toContain('--password-stdin')
  })

  it('validates in createAccount too, for callers other than the terminal', async () => {
    const client = openClient(`file:${join(dir, 'direct.db')}`)
    try {
      await migrateDatabase(client)
      const db = createDb(client)
      await expect(
        createAccount(db, {
          email: 'x@example.com',
          role: 'owner',
          password: 'maple orbit tundra seven',
        }),
      ).rejects.toThrow('--role')
      await expect(
        createAccount(db, {
          email: 'not-an-email',
          role: 'author',
          password: 'maple orbit tundra seven',
        }),
      ).rejects.toThrow('not an email')
      await expect(
        createAccount(db, {
          email: 'x@example.com',
          role: 'author',
          password: 'maple orbit tundra seven',
          iterations: 200_000,
        }),
      ).rejects.toThrow('PASSWORD_ITERATIONS')
    } finally {
      client.close()
    }
  })
})
