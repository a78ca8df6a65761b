// Fixtures for newsroom and API tests: accounts, sessions, tokens, and requests made as a browser would.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { createApp } from '../../src/app'
import { insertUser, updateUserQuery } from '../../src/db/queries/users'
import { apiTokens, comments, sessions, type UserRole } from '../../src/db/schema'
import { createPageCache } from '../../src/edge/page-cache'
import type { Env } from '../../src/env'
import { API_SCOPES, type ApiScope } from '../../src/services/api-tokens'
import type { Actor } from '../../src/services/editorial-permissions'
import { hashPassword } from '../../src/services/passwords'
import { hashToken, issueSession, randomToken } from '../../src/services/sessions'
import { testDb, uniqueSuffix } from './fixtures'
import { NO_CACHE, ORIGIN } from './helpers'

/** The cookie name off localhost (tests run against http://bulletin.test). */
export const SESSION_COOKIE = '__Host-bulletin_session'
const HOUR = 3_600_000

export interface TestUser extends Actor {
  password: string
}

/**
 * A fresh account. Hashes use few iterations to keep tests fast; signing in with the password
 * upgrades them, which the sign-in tests check.
 */
export async function createUser(
  role: UserRole,
  options: { iterations?: number; disabled?: boolean } = {},
): Promise<TestUser> {
  const suffix = uniqueSuffix()
  const email = `${role}-${suffix}@newsroom.test`
  const password = `correct horse ${suffix} staple`
  const created = await insertUser(testDb(), {
    email,
    name: `Test ${role} ${suffix}`,
    role,
    passwordHash: await hashPassword(password, options.iterations ?? 1000),
  })
  if (!created) throw new Error('user insert failed')
  if (options.disabled) await updateUserQuery(testDb(), created.id, { disabled: true })
  return { id: created.id, email, name: `Test ${role} ${suffix}`, role, password }
}

export interface TestSession {
  cookie: string
  csrf: string
  token: string
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}`
}

/** A live session for the user, made directly (no password check). */
export async function sessionFor(user: { id: number }): Promise<TestSession> {
  const issued = await issueSession(testDb(), user.id, new Date(), 12 * HOUR)
  return { cookie: sessionCookie(issued.token), csrf: issued.csrfToken, token: issued.token }
}

/** A session row that ended an hour ago. */
export async function expiredSessionFor(user: { id: number }): Promise<TestSession> {
  const token = randomToken()
  const csrf = randomToken()
  const past = new Date(Date.now() - 2 * HOUR)
  await testDb()
    .insert(sessions)
    .values({
      tokenHash: await hashToken(token),
      userId: user.id,
      csrfToken: csrf,
      expiresAt: new Date(Date.now() - HOUR),
      lastSeenAt: past,
      createdAt: past,
    })
  return { cookie: sessionCookie(token), csrf, token }
}

/** A live API token with the given scopes (all of them by default), stored by hash as the app does. */
export async function tokenFor(
  user: { id: number },
  scopes: readonly ApiScope[] = API_SCOPES,
  options: { revoked?: boolean } = {},
): Promise<{ token: string; id: number }> {
  const token = `bt_${randomToken()}`
  const [row] = await testDb()
    .insert(apiTokens)
    .values({
      userId: user.id,
      name: `test ${uniqueSuffix()}`,
      tokenHash: await hashToken(token),
      scopes: scopes.join(' '),
      revokedAt: options.revoked ? new Date() : null,
    })
    .returning({ id: apiTokens.id })
  if (!row) throw new Error('token insert failed')
  return { token, id: row.id }
}

/** A pending reader comment on the article. */
export async function insertPendingComment(articleId: number, body = 'A pending comment') {
  const [row] = await testDb()
    .insert(comments)
    .values({
      articleId,
      authorName: 'Reader',
      body,
      status: 'pending',
      ipHash: 'f'.repeat(64),
      idempotencyKey: `fixture-${uniqueSuffix()}-${uniqueSuffix()}`,
    })
    .returning()
  if (!row) throw new Error('comment insert failed')
  return row
}

export interface EditorRequest {
  method?: string
  session?: TestSession
  /** Form fields; the session's CSRF token is added unless `csrf` is false. */
  form?: Record<string, string | string[]>
  csrf?: boolean
  htmx?: boolean
  headers?: Record<string, string>
  env?: Partial<Env>
  origin?: string
  /** An app of the test's own (say, with a private edge cache); by default one without a cache. */
  app?: ReturnType<typeof createApp>
}

/** A same-origin browser request to the app (no edge cache), with cookie, form and CSRF token. */
export async function editorFetch(path: string, options: EditorRequest = {}): Promise<Response> {
  const origin = options.origin ?? ORIGIN
  const headers = new Headers(options.headers)
  if (options.session) headers.set('Cookie', options.session.cookie)
  if (options.htmx) headers.set('HX-Request', 'true')
  let body: URLSearchParams | undefined
  const method = options.method ?? (options.form ? 'POST' : 'GET')
  if (method !== 'GET' && method !== 'HEAD') {
    headers.set('Origin', origin)
    headers.set('Content-Type', 'application/x-www-form-urlencoded')
    body = new URLSearchParams()
    for (const [name, value] of Object.entries(options.form ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, item)
    }
    if (options.session && options.csrf !== false) body.set('_csrf', options.session.csrf)
  }
  const ctx = createExecutionContext()
  const response = await (options.app ?? createApp(NO_CACHE)).fetch(
    new Request(new URL(path, origin), { method, headers, body, redirect: 'manual' }),
    { ...env, ...options.env },
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return response
}

/** An API request with a bearer token and a JSON body. */
export async function apiFetch(
  path: string,
  options: {
    method?: string
    token?: string
    json?: unknown
    headers?: Record<string, string>
  } = {},
): Promise<Response> {
  const headers = new Headers(options.headers)
  if (options.token) headers.set('Authorization', `Bearer ${options.token}`)
  let body: string | undefined
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json')
    body = JSON.stringify(options.json)
  }
  const ctx = createExecutionContext()
  const response = await createApp(NO_CACHE).fetch(
    new Request(new URL(path, ORIGIN), { method: options.method ?? 'GET', headers, body }),
    env,
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return response
}

/** A complete, valid article form (the fields the newsroom form posts). */
export function articleForm(overrides: Record<string, string> = {}): Record<string, string> {
  const suffix = uniqueSuffix()
  return {
    title: `Newsroom story ${suffix}`,
    slug: '',
    summary: 'What happened, in a sentence.',
    body_md: `A paragraph about ${suffix}.`,
    category: 'international-news',
    tags: '',
    byline: 'By Test Desk',
    image_url: '',
    image_alt: '',
    image_width: '',
    image_height: '',
    language: 'en',
    related: '',
    publish_at: '',
    intent: 'save',
    ...overrides,
  }
}

/** An app with an edge cache of its own, so a test sees exactly what its own requests stored. */
export async function appWithPrivateCache() {
  const cache = createPageCache(await caches.open(`editor-${uniqueSuffix()}`))
  return createApp({ openCache: async () => cache })
}
