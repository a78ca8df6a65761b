// A ceiling on every request body, so no route can be made to buffer an unbounded upload.
import { bodyLimit } from 'hono/body-limit'
import { BODY_MAX } from '../lib/article-input-limits'
import { AppError } from '../lib/errors'

/**
 * Room for the longest article the editor accepts, however it is written: a form sends each
 * character of Arabic or CJK text as up to 9 bytes (3 UTF-8 bytes, each as %XX), so a body at
 * BODY_MAX must never be refused here before its own check can say what is wrong. Routes set
 * tighter limits of their own (comments).
 */
export const MAX_REQUEST_BODY_BYTES = BODY_MAX * 9 + 256 * 1024

export const withBodyLimit = (maxSize = MAX_REQUEST_BODY_BYTES) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError(
        'TOO_LARGE',
        `The request body is larger than ${Math.round(maxSize / 1024)} KB.`,
      )
    },
  })
