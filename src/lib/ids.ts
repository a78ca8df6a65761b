// Numeric ids from URLs: positive safe integers written plainly, anything else a clear 400.
import { AppError } from './errors'

/** Parses a path id such as `42`; `0`, `-1`, `4.2`, `1e3` and 16+ digit values are refused. */
export function parseId(value: string | undefined, what: string): number {
  const id = Number(value)
  if (!/^\d{1,15}$/.test(value ?? '') || !Number.isSafeInteger(id) || id < 1) {
    throw new AppError('INVALID', `The ${what} id is not valid.`)
  }
  return id
}
