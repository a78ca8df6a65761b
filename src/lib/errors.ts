// The one error type the app throws on purpose, and the one mapping from its codes to HTTP.

export type ErrorCode =
  | 'NOT_FOUND'
  | 'GONE'
  | 'INVALID'
  | 'TOO_LARGE'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'MISCONFIGURED'
  | 'INTERNAL'

const STATUS: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  GONE: 410,
  INVALID: 400,
  TOO_LARGE: 413,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  MISCONFIGURED: 500,
  INTERNAL: 500,
}

/** A failure the user can be told about. `message` is shown to them, so it never holds secrets. */
export class AppError extends Error {
  override readonly name = 'AppError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Seconds a client should wait before trying again (429, 503). */
    readonly retryAfter?: number,
  ) {
    super(message)
  }
}

export function statusFor(code: ErrorCode): number {
  return STATUS[code]
}

/** Internal errors are logged; the others are the user's or the world's doing and are not. */
export function isInternal(code: ErrorCode): boolean {
  return code === 'INTERNAL' || code === 'MISCONFIGURED'
}
