// A ceiling on every request body, so no route can be made to buffer an unbounded upload.
import { bodyLimit } from 'hono/body-limit'
import { AppError } from '../lib/errors'

/** Generous for an editor's longest article; routes set tighter limits of their own (comments). */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024

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
