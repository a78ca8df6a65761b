// Sign-in throttling against the real db-server over HTTP: atomic reservations, growing delays,
// a sliding limit, device cookies and the audit of failures.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client/web'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { startDbServer } from '../../../src/cli/db-server'
import { migrateDatabase, openClient } from '../../../src/cli/migrate'
import { createDb, type Db } from '../../../src/db/client'
import { insertUser } from '../../../src/db/queries/users'
import { auditLog, loginThrottles } from '../../../src/db/schema'
import type { Config } from '../../../src/env'
import { AppError } from '../../../src/lib/errors'
import { signIn } from '../../../src/services/auth'
import { issueDeviceCookie } from '../../../src/services/auth-device'
import { accountHash } from '../../../src/services/auth-throttle'
import { hashPassword } from '../../../src/services/passwords'

// Counts every password check, so a test can say how many attempts reached the hash.
const checks = vi.hoisted(() => ({ count: 0 }))
vi.mock('../../../src/services/passwords', async (original) => {
  const real = await original<typeof import('../../../src/services/passwords')>()
  return {
    ...real,
    verifyPassword: (...args: Parameters<typeof real.verifyPassword>) => {
      checks.count++
      return real.verifyPassword(...args)
    },
  }
})

const WINDOW = 15 * 60_000
const AUTH: Config['auth'] = {
  passwordIterations: 10_000,
  sessionTtlMs: 12 * 3_600_000,
  sessionIdleMs: 2 * 3_600_000,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 30,
  lockoutMs: WINDOW,
  access: undefined,
}
const CONFIG = { auth: AUTH, ipHashSalt: 'node-test-salt' }
const PASSWORD = 'correct horse battery staple'

/** A migrated database behind the local db-server, reached over HTTP as the Worker reaches it. */
async function servedDb(): Promise<Db> {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-throttle-'))
  const dbPath = join(dir, 't.db')
  const file = openClient(`file:${dbPath}`)
  await migrateDatabase(file)
  file.close()
  // A little latency per round trip, as a real database has, keeps many requests in flight at once.
  const server = await startDbServer({ dbPath, port: 0, quiet: true, delayMs: 5 })
  const client = createClient({ url: server.url })
  onTestFinished(async () => {
    client.close()
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return createDb(client)
}

async function addAccount(db: Db, email = 'editor@newsroom.test') {
  const user = await insertUser(db, {
    email,
    name: 'Editor',
    role: 'editor',
    passwordHash: await hashPassword(PASSWORD, 10_000),
  })
  return { id: user?.id as number, email }
}

let ipCounter = 0
/** One attempt from an address of its own, so only the account's limit is in play. */
function attempt(
  db: Db,
  email: string,
  password: string,
  at: number,
  extra: { ipHash?: string; deviceCookie?: string } = {},
) {
  return signIn(db, CONFIG, {
    email,
    password,
    ipHash: extra.ipHash ?? `ip-${++ipCounter}`,
    deviceCookie: extra.deviceCookie,
    now: new Date(at),
  })
}

/** What an attempt came to: signed in, a wrong password, or refused with Retry-After seconds. */
async function outcome(result: Promise<unknown>): Promise<string> {
  try {
    await result
    return 'signed in'
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    return error.code === 'RATE_LIMITED' ? `wait ${error.retryAfter}` : error.code
  }
}

const T0 = 1_800_000_000_000

describe('the sign-in throttle', () => {
  it('lets at most the allowance of 50 parallel attempts reach the password check', async () => {
    const db = await servedDb()
    const user = await addAccount(db)
    checks.count = 0
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => outcome(attempt(db, user.email, `wrong ${i}`, T0))),
    )
    expect(checks.count).toBe(AUTH.maxFailuresPerAccount)
    expect(results.filter((r) => r === 'UNAUTHORIZED')).toHaveLength(AUTH.maxFailuresPerAccount)
    expect(results.filter((r) => r === 'wait 1')).toHaveLength(50 - AUTH.maxFailuresPerAccount)
    // Refused attempts were not counted: the bucket holds exactly the checked ones.
    const [bucket] = await db.select().from(loginThrottles).where(eq(loginThrottles.allowance, 5))
    expect(bucket?.level).toBe(AUTH.maxFailuresPerAccount)
  })

  it('holds an unknown email to the same limit, so lockouts reveal nothing', async () => {
    const db = await servedDb()
    checks.count = 0
    const results = await Promise.all(
      Array.from({ length: 20 }, () => outcome(attempt(db, 'ghost@newsroom.test', 'guess', T0))),
    )
    expect(checks.count).toBe(AUTH.maxFailuresPerAccount)
    expect(results.filter((r) => r === 'UNAUTHORIZED')).toHaveLength(5)
  })

  it('makes each attempt past the allowance wait twice as long as the one before', async () => {
    const db = await servedDb()
    const user = await addAccount(db)
    for (let i = 0; i < 5; i++) {
      expect(await outcome(attempt(db, user.email, 'wrong', T0))).toBe('UNAUTHORIZED')
    }
    const seen: string[] = []
    let at = T0
    for (const wait of [1, 2, 4, 8, 16]) {
      seen.push(await outcome(attempt(db, user.email, PASSWORD, at)))
      at += wait * 1000
      seen.push(await outcome(attempt(db, user.email, 'wrong', at)))
    }
    // Even the right password waits its turn; once the wait is over, only a wrong one counts on.
    expect(seen).toEqual([
      'wait 1',
      'UNAUTHORIZED',
      'wait 2',
      'UNAUTHORIZED',
      'wait 4',
      'UNAUTHORIZED',
      'wait 8',
      'UNAUTHORIZED',
      'wait 16',
      'UNAUTHORIZED',
    ])
    expect(await outcome(attempt(db, user.email, PASSWORD, at + 32_000))).toBe('signed in')
  })

  it('caps the delay at the window and then asks for minutes', async () => {
    const db = await servedDb()
    const user = await addAccount(db)
    // A bucket far past its allowance, as years of failures might leave it.
    await db.insert(loginThrottles).values({
      key: `login:account:${await accountHash(user.email)}`,
      allowance: 5,
      level: 60,
      updatedAt: T0,
      blockedUntil: T0,
      expiresAt: T0 + WINDOW,
    })
    expect(await outcome(attempt(db, user.email, 'wrong', T0))).toBe('UNAUTHORIZED')
    const refused = await attempt(db, user.email, PASSWORD, T0).catch((error: AppError) => error)
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).retryAfter).toBe(WINDOW / 1000)
    expect((refused as AppError).message).toContain('wait 15 minutes')
  })

  it('keeps a patient guesser to the allowance per window once the first burst is spent', async () => {
    const db = await servedDb()
    const user = await addAccount(db)
    const key = `login:account:${await accountHash(user.email)}`
    const checked: number[] = []
    // Always try again the moment the wait is over, for four windows.
    for (let at = T0; at < T0 + 4 * WINDOW; ) {
      if ((await outcome(attempt(db, user.email, 'wrong', at))) === 'UNAUTHORIZED') checked.push(at)
      const [row] = await db.select().from(loginThrottles).where(eq(loginThrottles.key, key))
      at = Math.max(at + 1, row?.blockedUntil ?? at)
    }
    const perWindow = [0, 1, 2, 3].map(
      (n) => checked.filter((at) => at >= T0 + n * WINDOW && at < T0 + (n + 1) * WINDOW).length,
    )
    // The first window allows the growing delays' short burst; after that, the allowance.
    expect(perWindow[0]).toBeLessThanOrEqual(20)
    expect(perWindow.slice(1)).toEqual([5, 5, 5])
  })

  it('has no window edge: failures just before one still hold just after it', async () => {
    const db = await servedDb()
    const user = await addAccount(db)
    // Where a fixed window would end and a fresh one begin.
    const edge = Math.ceil(T0 / WINDOW) * WINDOW
    for (let i = 0; i < 5; i++) await outcome(attempt(db, user.email, 'wrong', edge - 50))
    checks.count = 0
    const after = await Promise.all(
      Array.from({ length: 5 }, () => outcome(attempt(db, user.email, 'wrong', edge + 50))),
    )
    expect(checks.count).toBe(0)
    expect(after.every((r) => r.startsWith('wait'))).toBe(true)
  })

  it('forgets failures gradually, at the allowance per window', async () => {
    const db = await servedDb()
    const user = await addAccount(db)
    for (let i = 0; i < 5; i++) await outcome(attempt(db, user.email, 'wrong', T0))
    // A fifth of the window drains one failure: one more attempt is free, the next waits again.
    const later = T0 + WINDOW / 5
    expect(await outcome(attempt(db, user.email, 'wrong', later))).toBe('UNAUTHORIZED')
    expect(await outcome(attempt(db, user.email, 'wrong', later))).toBe('wait 1')
  })

  it('limits one address across many accounts', async () => {
    const db = await servedDb()
    const ipHash = 'one-busy-address'
    for (let i = 0; i < 30; i++) {
      expect(await outcome(attempt(db, `spray-${i}@newsroom.test`, 'guess', T0, { ipHash }))).toBe(
        'UNAUTHORIZED',
      )
    }
    const user = await addAccount(db)
    expect(await outcome(attempt(db, user.email, PASSWORD, T0, { ipHash }))).toBe('wait 1')
  })

  it('clears the account on success and gives the address back its attempt', async () => {
    const db = await servedDb()
    const user = await addAccount(db)
    for (let i = 0; i < 4; i++) await outcome(attempt(db, user.email, 'wrong', T0))
    const ipHash = 'office'
    expect(await outcome(attempt(db, user.email, PASSWORD, T0, { ipHash }))).toBe('signed in')
    const rows = await db.select().from(loginThrottles)
    expect(rows.find((row) => row.key.startsWith('login:account:'))).toBeUndefined()
    expect(rows.find((row) => row.key === `login:ip:${ipHash}`)?.level).toBe(0)
  })
  it('removes buckets once they have drained, so guessed emails leave no rows behind', async () => {
    const db = await servedDb()
    for (let i = 0; i < 3; i++) await outcome(attempt(db, `guess-${i}@newsroom.test`, 'x', T0))
    expect(await db.select().from(loginThrottles)).toHaveLength(6)
    await outcome(attempt(db, 'later@newsroom.test', 'x', T0 + WINDOW, { ipHash: 'later' }))
    const keys = (await db.select().from(loginThrottles)).map((row) => row.key)
    expect(keys.sort()).toEqual(
      [`login:account:${await accountHash('later@newsroom.test')}`, 'login:ip:later'].sort(),
    )
  })
})

describe('device cookies', () => {
  /** Five failures from strangers: the account's bucket is blocked. */
  async function lockedAccount(db: Db) {
    const user = await addAccount(db)
    for (let i = 0; i < 5; i++) await outcome(attempt(db, user.email, 'wrong', T0))
    expect(await outcome(attempt(db, user.email, PASSWORD, T0))).toBe('wait 1')
    return user
  }

  it('lets a browser that signed in before through a lockout of its account', async () => {
    const db = await servedDb()
    const user = await addAccount(db)
    const first = await attempt(db, user.email, PASSWORD, T0 - 60_000)
    for (let i = 0; i < 5; i++) await outcome(attempt(db, user.email, 'wrong', T0))
    expect(await outcome(attempt(db, user.email, PASSWORD, T0))).toBe('wait 1')
    const trusted = await attempt(db, user.email, PASSWORD, T0, {
      deviceCookie: first.deviceCookie,
    })
    expect(trusted.user.id).toBe(user.id)
    // A new cookie each time: the device id changes with every success.
    expect(trusted.deviceCookie).not.toBe(first.deviceCookie)
  })

  it('trusts no cookie of another account, a forged one or an expired one', async () => {
    const db = await servedDb()
    const user = await lockedAccount(db)
    const other = await addAccount(db, 'other@newsroom.test')
    const otherCookie = (await attempt(db, other.email, PASSWORD, T0)).deviceCookie
    const forged = await issueDeviceCookie(
      'another-secret',
      await accountHash(user.email),
      new Date(T0),
    )
    const expired = await issueDeviceCookie(
      CONFIG.ipHashSalt,
      await accountHash(user.email),
      new Date(T0 - 91 * 86_400_000),
    )
    for (const deviceCookie of [otherCookie, forged, expired, 'garbage']) {
      expect(await outcome(attempt(db, user.email, PASSWORD, T0, { deviceCookie }))).toBe('wait 1')
    }
  })

  it('locks out a trusted device on its own, then treats it as a stranger', async () => {
    const db = await servedDb()
    const user = await addAccount(db)
    const { deviceCookie } = await attempt(db, user.email, PASSWORD, T0 - 60_000)
    const fromDevice = (password: string) =>
      outcome(attempt(db, user.email, password, T0, { deviceCookie }))
    for (let i = 0; i < 5; i++) expect(await fromDevice('wrong')).toBe('UNAUTHORIZED')
    // The device's bucket is blocked, so it falls back to the account's, which is still open…
    expect(await fromDevice('wrong')).toBe('UNAUTHORIZED')
    const rows = await db.select().from(loginThrottles)
    expect(rows.find((row) => row.key.startsWith('login:account:'))?.level).toBe(1)
    // …and a stranger's failures there do not touch the device's bucket.
    expect(rows.find((row) => row.key.startsWith('login:device:'))?.level).toBe(5)
  })
})

describe('auditing failed sign-ins', () => {
  it('records failures for unknown emails as well as for accounts', async () => {
    const db = await servedDb()
    const user = await addAccount(db)
    await outcome(attempt(db, user.email, 'wrong', T0))
    await outcome(attempt(db, ' Nobody@Newsroom.test ', 'wrong', T0))
    await outcome(attempt(db, 'my secret password', 'wrong', T0))
    const rows = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.login_failed'))
      .orderBy(auditLog.id)
    expect(rows.map((row) => [row.userId, row.targetType, row.targetId])).toEqual([
      [null, 'user', String(user.id)],
      [null, 'email', 'nobody@newsroom.test'],
      // Not shaped like an email (perhaps a password typed in the wrong field): not kept.
      [null, 'email', null],
    ])
    expect(JSON.parse(rows[1]?.detail ?? '{}')).toMatchObject({ unknownAccount: true })
    const [known] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.login_failed'), eq(auditLog.targetType, 'user')))
    // The address only as the start of its salted hash: enough to see one source behind many.
    expect(JSON.parse(known?.detail ?? '{}')).toHaveProperty('ip')
  })
})
