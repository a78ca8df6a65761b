// The one place errors become HTTP: a status from the code, an error page or an htmx fragment.
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { isDatabaseUnavailable } from '../db/connect'
import type { AppEnv } from '../env'
import { AppError, isInternal, statusFor } from '../lib/errors'
import { isHtmxRequest } from '../lib/htmx'
import { ErrorMessage } from '../views/fragments/error-message'
import { ErrorPage } from '../views/pages/error-page'

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Please sign in',
  403: 'Not allowed',
  404: 'Page not found',
  405: 'Method not allowed',
  409: 'Conflict',
  410: 'This page has been removed',
  413: 'Too large',
  422: 'Please check the form',
  429: 'Too many requests',
  500: 'Something went wrong',
  503: 'Temporarily unavailable',
}

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
    console.error(`${c.req.method} ${new URL(c.req.url).pathname}:`, error)
  }
  const status = statusFor(appError.code)
  const title = TITLES[status] ?? 'Error'
  // Misconfiguration details name bindings; they go to the log above, not to the public.
  const message =
    appError.code === 'MISCONFIGURED'
      ? 'The service is not configured correctly. The operators have been told.'
      : appError.message
  c.header('Cache-Control', 'no-store')
  if (appError.retryAfter) c.header('Retry-After', String(appError.retryAfter))
  c.status(status as 500)
  const accept = c.req.header('accept') ?? ''
  if (new URL(c.req.url).pathname.startsWith('/api/') || accept.startsWith('application/json')) {
    // Validation failures name the fields at fault (see services/editorial-input.ts).
    const { fields } = appError as { fields?: Record<string, string> }
    return c.json({ error: { code: appError.code, message, ...(fields ? { fields } : {}) } })
  }
  // Fragment URLs answer with fragments whoever asks: htmx, a widget's fetch, or a curious reader.
  const { pathname } = new URL(c.req.url)
  if (isHtmxRequest(c.req.raw.headers) || pathname.startsWith('/fragments/')) {
    // In the newsroom an error goes to the page's alert region, never over what the editor typed.
    if (pathname.startsWith('/editor')) {
      c.header('HX-Retarget', '#editor-alert')
      c.header('HX-Reswap', 'innerHTML')
    }
    return c.html(<ErrorMessage title={title} message={message} />)
  }
  const site = c.get('config')?.site ?? { name: 'Bulletin', language: 'en' }
  return c.html(
    `<!doctype html>${<ErrorPage status={status} title={title} message={message} site={site} />}`,
  )
}

export function handleNotFound(c: Context<AppEnv>): Response | Promise<Response> {
  return handleError(new AppError('NOT_FOUND', 'There is no page at this address.'), c)
}
