// Errors for embeds and oEmbed, in the shape their callers can show; status, headers and logs stay handleError's.
import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { type AppError, isInternal } from '../lib/errors'
import { handleError, toAppError } from '../middleware/errors'

/**
 * Renders the body for an error; the status and headers come from handleError. `message` is safe to
 * show; `error` is there for a renderer that words it in the reader's language.
 */
type RenderError = (
  c: Context<AppEnv>,
  message: string,
  error: AppError,
) => Response | Promise<Response>

/**
 * An onError for a sub-app: the one error mapping decides the status, Retry-After and
 * Cache-Control and logs what must be logged, and `render` only chooses the body, so an iframe
 * gets an embed-styled line, a fragment a `bulletin-` one, and oEmbed JSON.
 */
export function answerErrorsWith(render: RenderError) {
  return async (error: Error, c: Context<AppEnv>): Promise<Response> => {
    const handled = await handleError(error, c)
    const appError = toAppError(error)
    // Internal details never reach another site's page; handleError has logged them.
    const message = isInternal(appError.code)
      ? 'Something went wrong on our side.'
      : appError.message
    const body = await render(c, message, appError)
    const headers = new Headers(handled.headers)
    headers.set('Content-Type', body.headers.get('Content-Type') ?? 'text/html; charset=UTF-8')
    return new Response(body.body, { status: handled.status, headers })
  }
}
