// Editor sessions: random tokens kept only as hashes, the cookie that carries them, and their checks.
import type { Db } from '../db/client'
import {
  deleteSessionQuery,
  insertSessionQuery,
  type LiveSession,
  touchSession,
} from '../db/queries/sessions'
import { SESSION_COOKIE_NAMES } from '../edge/cache-policy'
import { sha256Hex, toBase64Url } from '../lib/encoding'

const [SECURE_COOKIE, LOCAL_COOKIE] = SESSION_COOKIE_NAMES

/** 32 bytes from the platform CSPRNG, base64url: the session token, a CSRF token, an API token. */
export function randomToken(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)))
}

export function hashToken(token: string): Promise<string> {
  return sha256Hex(token)
}

/** Plain-http localhost: the one place a browser refuses Secure (and so prefixed) cookies. */
export function isPlainLocalhost(url: string | URL): boolean {
  const { protocol, hostname } = typeof url === 'string' ? new URL(url) : url
  return protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname)
}

/**
 * `__Host-` (Secure, whole site, no Domain) everywhere a browser allows it; plain-http localhost
 * cannot set a Secure cookie, so local development uses the unprefixed name.
 */
export function sessionCookieFor(url: string | URL): { name: string; secure: boolean } {
  return isPlainLocalhost(url)
    ? { name: LOCAL_COOKIE, secure: false }
    : { name: SECURE_COOKIE, secure: true }
}

export interface IssuedSession {
  token: string
  csrfToken: string
  expiresAt: Date
}

/** A new session row for the user; the caller puts the insert in its sign-in batch. */
export async function prepareSession(
  db: Db,
  userId: number,
  now: Date,
  ttlMs: number,
): Promise<{ issued: IssuedSession; insert: ReturnType<typeof insertSessionQuery> }> {
  const issued = {
    token: randomToken(),
    csrfToken: randomToken(),
    expiresAt: new Date(now.getTime() + ttlMs),
  }
  const insert = insertSessionQuery(db, {
    tokenHash: await hashToken(issued.token),
    userId,
    csrfToken: issued.csrfToken,
    expiresAt: issued.expiresAt,
    now,
  })
  return { issued, insert }
}

/** Creates a session on its own (Cloudflare Access sign-in, tests). */
export async function issueSession(
  db: Db,
  userId: number,
  now: Date,
  ttlMs: number,
): Promise<IssuedSession> {
  const { issued, insert } = await prepareSession(db, userId, now, ttlMs)
  await insert
  return issued
}

/** The live session behind a cookie value, or null; a malformed value never reaches the DB. */
export async function resolveSession(
  db: Db,
  token: string | undefined,
  now: Date,
  idleMs: number,
): Promise<LiveSession | null> {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null
  return touchSession(db, await hashToken(token), now, idleMs)
}

/** Ends a session server-side, so a copied cookie stops working too. */
export async function endSession(db: Db, token: string | undefined): Promise<void> {
  if (token) await deleteSessionQuery(db, await hashToken(token))
}

/** Compares two secrets without leaking, through timing, how much of them matched. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a)
  const right = new TextEncoder().encode(b)
  let diff = left.length ^ right.length
  for (let i = 0; i < left.length; i++) diff |= (left[i] ?? 0) ^ (right[i % right.length] ?? 0)
  return diff === 0
}
