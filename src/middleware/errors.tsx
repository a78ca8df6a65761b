// The one place errors become HTTP: a status from the code, an error page or an htmx fragment.
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { isDatabaseUnavailable } from '../db/connect'
import type { AppEnv } from '../env'
import { DEFAULT_EDITION } from '../lib/editions'
import { AppError, isInternal, statusFor } from '../lib/errors'
import { isHtmxRequest } from '../lib/htmx'
import type { MessageKey } from '../lib/i18n/en'
import { createI18n } from '../lib/i18n/i18n'
import { translateError } from '../lib/i18n/reader-error'
import { requestUrl } from '../lib/request-url'
import { ErrorMessage } from '../views/fragments/error-message'
import { ErrorPage } from '../views/pages/error-page'

/** Statuses whose title the catalogues have (`error.<status>`); any other reads "Error". */
const TITLED_STATUSES = new Set([400, 401, 403, 404, 405, 409, 410, 413, 422, 429, 500, 503])

/** Classifies anything thrown into an AppError the user may see. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error
  if (isDatabaseUnavailable(error)) {
    return new AppError('UNAVAILABLE', 'The news database is not answering right now.', 30)
  }
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError('TOO_LARGE', 'The request body is too large.')
    if (error.status === 400) return new AppError('INVALID', error.message || 'Bad request.')
    if (error.status === 403) {
      return new AppError('FORBIDDEN', 'This form was sent from another site, so it was refused.')
    }
  }
  return new AppError('INTERNAL', 'An unexpected error happened on our side.')
}

export function handleError(error: unknown, c: Context<AppEnv>): Response | Promise<Response> {
  const appError = toAppError(error)
  if (isInternal(appError.code)) {
    // Logged with the original error so operators see the cause; the user sees none of it.
    console.error(`${c.req.method} ${requestUrl(c.req.raw).pathname}:`, error)
  }
  const status = statusFor(appError.code)
  // In the language of the edition the address belongs to (English before config is read).
  const i18n = createI18n(c.get('edition') ?? DEFAULT_EDITION)
  const title = i18n.t(
    TITLED_STATUSES.has(status) ? (`error.${status}` as MessageKey) : 'error.title',
  )
  // Misconfiguration details name bindings; they go to the log above, not to the public.
  const hidden = appError.code === 'MISCONFIGURED'
  const message = hidden
    ? 'The service is not configured correctly. The operators have been told.'
    : appError.message
  // Pages speak the edition's language; the JSON API keeps the English message.
  const text = hidden ? message : translateError(appError, i18n)
  c.header('Cache-Control', 'no-store')
  if (appError.retryAfter) c.header('Retry-After', String(appError.retryAfter))
  c.status(status as 500)
  const accept = c.req.header('accept') ?? ''
  if (requestUrl(c.req.raw).pathname.startsWith('/api/') || accept.startsWith('application/json')) {
    // Validation failures name the fields at fault (see services/editorial-input.ts).
    const { fields } = appError as { fields?: Record<string, string> }
    return c.json({ error: { code: appError.code, message, ...(fields ? { fields } : {}) } })
  }
  // Fragment URLs answer with fragments whoever asks: htmx, a widget's fetch, or a curious reader.
  const { pathname } = requestUrl(c.req.raw)
  if (isHtmxRequest(c.req.raw.headers) || pathname.startsWith('/fragments/')) {
    // In the newsroom an error goes to the page's alert region, never over what the editor typed.
    if (pathname.startsWith('/editor')) {
      c.header('HX-Retarget', '#editor-alert')
      c.header('HX-Reswap', 'innerHTML')
    }
    return c.html(<ErrorMessage title={title} message={text} />)
  }
  const site = c.get('config')?.site ?? { name: 'Bulletin' }
  const page = <ErrorPage status={status} title={title} message={text} site={site} i18n={i18n} />
  return c.html(`<!doctype html>${page}`)
}

export function handleNotFound(c: Context<AppEnv>): Response | Promise<Response> {
  const i18n = createI18n(c.get('edition') ?? DEFAULT_EDITION)
  return handleError(new AppError('NOT_FOUND', i18n.t('error.notFoundText')), c)
}
