// Errors a reader is shown, kept as a catalogue key so that each edition says them in its language.
import { AppError, type ErrorCode } from '../errors'
import { en, type MessageKey } from './en'
import { formatMessage, type I18n, type Params } from './i18n'

/**
 * An AppError whose message is a catalogue entry. `message` is the English text (logs, the JSON
 * API, anything without an edition); pages and fragments say it through `translateError`.
 */
export class ReaderError extends AppError {
  constructor(
    code: ErrorCode,
    readonly key: MessageKey,
    readonly params: Params = {},
    retryAfter?: number,
  ) {
    super(code, formatMessage(en, 'en', key, params), retryAfter)
  }
}

/** What the reader is told: the catalogue's words for a ReaderError, the message otherwise. */
export function translateError(error: AppError, i18n: Pick<I18n, 't'>): string {
  return error instanceof ReaderError ? i18n.t(error.key, error.params) : error.message
}
