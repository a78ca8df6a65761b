// Reading a posted form: a body that cannot be parsed is the sender's mistake (400), never a 500.
import type { HonoRequest } from 'hono'
import type { BodyData, ParseBodyOptions } from 'hono/utils/body'
import { AppError } from './errors'

/**
 * `parseBody`, with a malformed body (a multipart type without its boundary, a truncated part)
 * answered as INVALID. The runtime reports those as TypeErrors; anything else, such as the body
 * limit's own error, passes through so it keeps its meaning.
 */
export async function readFormBody<T extends Partial<ParseBodyOptions>>(
  req: HonoRequest,
  options?: T,
): Promise<BodyData<T>> {
  try {
    return await req.parseBody(options)
  } catch (error) {
    if (!(error instanceof TypeError)) throw error
    throw new AppError('INVALID', 'The form could not be read. Reload the page and send it again.')
  }
}
