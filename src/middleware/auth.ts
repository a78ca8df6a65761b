// Deny by default: the session (or Access) check for /editor, the bearer-token check for /api, CSRF.
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { findUserByEmail } from '../db/queries/users'
import type { UserRole } from '../db/schema'
import type { AppEnv, Env } from '../env'
import { AppError } from '../lib/errors'
import { readFormBody } from '../lib/form-body'
import { isHtmxRequest } from '../lib/htmx'
import { requestUrl } from '../lib/request-url'
import { type ApiScope, authenticateApiToken } from '../services/api-tokens'
import { auditEntry, recordAudit } from '../services/audit'
import { ACCESS_JWT_HEADER, verifyAccessJwt } from '../services/auth-access'
import {
  DEVICE_COOKIE_MAX_AGE_MS,
  DEVICE_COOKIE_PATH,
  deviceCookieFor,
} from '../services/auth-device'
import type { Actor } from '../services/editorial-permissions'
import {
  constantTimeEqual,
  type IssuedSession,
  issueSession,
  resolveSession,
  sessionCookieFor,
} from '../services/sessions'
import { CSRF_FIELD } from '../views/editor/components/form-names'

export type EditorEnv = {
  Bindings: Env
  Variables: AppEnv['Variables'] & { user: Actor; csrfToken: string }
}

export type ApiEnv = {
  Bindings: Env
  Variables: AppEnv['Variables'] & { user: Actor; scopes: ApiScope[] }
}

/** The only /editor paths anyone may reach without a session. Everything else needs one. */
export const PUBLIC_EDITOR_PATHS: ReadonlySet<string> = new Set(['/editor/login'])

export const CSRF_HEADER = 'x-csrf-token'
const SAFE_METHODS = /^(GET|HEAD|OPTIONS)$/

/** Sets the session cookie: HttpOnly, SameSite=Lax, and `__Host-` + Secure off localhost. */
export function setSessionCookie(c: Context, session: IssuedSession) {
  const cookie = sessionCookieFor(requestUrl(c.req.raw))
  setCookie(c, cookie.name, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: cookie.secure,
    expires: session.expiresAt,
  })
}

export function clearSessionCookie(c: Context) {
  const cookie = sessionCookieFor(requestUrl(c.req.raw))
  deleteCookie(c, cookie.name, { path: '/', secure: cookie.secure })
}

export function readSessionToken(c: Context): string | undefined {
  return getCookie(c, sessionCookieFor(requestUrl(c.req.raw)).name)
}

/** The device cookie lives as long as the trust it carries, and only the sign-in form gets it. */
export function setDeviceCookie(c: Context, value: string) {
  const cookie = deviceCookieFor(c.req.url)
  setCookie(c, cookie.name, value, {
    path: DEVICE_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'Strict',
    secure: cookie.secure,
    maxAge: DEVICE_COOKIE_MAX_AGE_MS / 1000,
  })
}

export function readDeviceCookie(c: Context): string | undefined {
  return getCookie(c, deviceCookieFor(c.req.url).name)
}

/** With Cloudflare Access configured, a valid Access JWT for a known, enabled account signs in. */
async function signInWithAccess(c: Context<EditorEnv>, now: Date) {
  const { config, db } = c.var
  if (!config.auth.access) return null
  const email = await verifyAccessJwt(c.req.header(ACCESS_JWT_HEADER), config.auth.access)
  const user = email ? await findUserByEmail(db, email) : null
  if (!user || user.disabled) return null
  const session = await issueSession(db, user.id, now, config.auth.sessionTtlMs)
  setSessionCookie(c, session)
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role }
  await recordAudit(
    db,
    auditEntry(actor, 'auth.login', { type: 'user', id: user.id }, { via: 'access' }),
  )
  return { csrfToken: session.csrfToken, user: actor }
}

async function submittedCsrfToken(c: Context): Promise<string> {
  const header = c.req.header(CSRF_HEADER)
  if (header) return header
  const type = c.req.header('content-type') ?? ''
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return ''
  // Hono keeps the parsed body, so the handler's own parseBody() does not read the stream again.
  const body = await readFormBody(c.req, { all: true })
  const field = body[CSRF_FIELD]
  return typeof field === 'string' ? field : ''
}

/**
 * Mounted on every /editor path. Without a live session a page request is sent to the login page
 * and anything else is a 401; a state-changing request must carry the session's CSRF token.
 */
export const withEditorAuth = () =>
  createMiddleware<EditorEnv>(async (c, next) => {
    // Newsroom pages are personal: no browser or shared cache may keep them.
    c.header('Cache-Control', 'no-store')
    if (PUBLIC_EDITOR_PATHS.has(c.req.path)) return next()
    const now = new Date()
    const { db, config } = c.var
    const token = readSessionToken(c)
    const session =
      (await resolveSession(db, token, now, config.auth.sessionIdleMs)) ??
      (await signInWithAccess(c, now))
    if (!session) {
      if (token) clearSessionCookie(c)
      const { method } = c.req
      if ((method === 'GET' || method === 'HEAD') && !isHtmxRequest(c.req.raw.headers)) {
        const url = requestUrl(c.req.raw)
        const back = encodeURIComponent(url.pathname + url.search)
        return c.redirect(`/editor/login?next=${back}`, 303)
      }
      throw new AppError('UNAUTHORIZED', 'Your session has ended. Sign in again, then retry.')
    }
    c.set('user', session.user)
    c.set('csrfToken', session.csrfToken)
    if (!SAFE_METHODS.test(c.req.method)) {
      const sent = await submittedCsrfToken(c)
      if (!sent || !constantTimeEqual(sent, session.csrfToken)) {
        throw new AppError('FORBIDDEN', 'This form has expired. Reload the page and try again.')
      }
    }
    await next()
  })

/** Per-route role check; services check again, so a missing guard never grants anything. */
export const allow = (...roles: UserRole[]) =>
  createMiddleware<EditorEnv>(async (c, next) => {
    if (!roles.includes(c.var.user.role)) {
      throw new AppError('FORBIDDEN', 'Your role does not allow this. Ask an editor or an admin.')
    }
    await next()
  })

/**
 * Mounted on every /api path: a bearer token is the only credential. Cookies are ignored, so a
 * browser on another site can never act with an editor's session here.
 */
export const withApiAuth = () =>
  createMiddleware<ApiEnv>(async (c, next) => {
    c.header('Cache-Control', 'no-store')
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')
    const owner = match?.[1] ? await authenticateApiToken(c.var.db, match[1], new Date()) : null
    if (!owner) {
      c.header('WWW-Authenticate', 'Bearer realm="bulletin"')
      throw new AppError(
        'UNAUTHORIZED',
        'Send a valid API token as "Authorization: Bearer <token>".',
      )
    }
    c.set('user', owner.user)
    c.set('scopes', owner.scopes)
    await next()
  })

export const requireScope = (scope: ApiScope) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    if (!c.var.scopes.includes(scope)) {
      throw new AppError(
        'FORBIDDEN',
        `This token does not have the "${scope}" scope, or its account's role no longer allows it.`,
      )
    }
    await next()
  })
