// Reader comment input: normalisation, validation with per-field messages, and spam signals.
import type { Config } from '../env'
import { splitLinks } from '../lib/autolink'
import { BODY_MAX, NAME_MAX } from '../lib/comment-input-limits'
import type { I18n } from '../lib/i18n/i18n'

export interface CommentDraft {
  authorName: string
  body: string
  parentId: number | null
  idempotencyKey: string
  /** The honeypot: people never see it, so anything in it came from a bot. */
  website: string
  turnstileToken: string
  /** The edition of the page the form was on, which the answer speaks in (a form field). */
  edition: string
}

export type FieldErrors = Partial<Record<'authorName' | 'body' | 'parentId' | 'form', string>>

// C0 and C1 controls except tab and newline; also bidi overrides, which can disguise text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** Trims, applies Unicode NFC, unifies line endings and strips control characters. */
export function normalizeText(value: string, { multiline }: { multiline: boolean }): string {
  let text = value.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '')
  text = multiline ? text.replace(/\t/g, '  ') : text.replace(/\s+/g, ' ')
  return text.trim()
}

/** Reads the posted form fields into a draft; missing fields become empty strings. */
export function readCommentForm(form: Record<string, unknown>): CommentDraft {
  const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '')
  const parent = field('parent_id').trim()
  return {
    authorName: normalizeText(field('author_name'), { multiline: false }),
    body: normalizeText(field('body'), { multiline: true }),
    parentId: parent === '' ? null : Number(parent),
    idempotencyKey: field('idempotency_key').trim(),
    website: field('website'),
    turnstileToken: field('cf-turnstile-response'),
    edition: field('edition').trim(),
  }
}

/** Length in characters as a reader counts them (code points, not UTF-16 units). */
function length(text: string): number {
  return [...text].length
}

/** Each field's problem, in the words of `t`: the catalogue of the edition the reader writes in. */
export function validateComment(draft: CommentDraft, t: I18n['t']): FieldErrors {
  const errors: FieldErrors = {}
  if (length(draft.authorName) === 0) errors.authorName = t('problem.nameMissing')
  else if (length(draft.authorName) > NAME_MAX) {
    errors.authorName = t('problem.nameTooLong', { max: NAME_MAX })
  }
  if (length(draft.body) === 0) errors.body = t('problem.bodyMissing')
  else if (length(draft.body) > BODY_MAX) {
    errors.body = t('problem.bodyTooLong', { length: length(draft.body), max: BODY_MAX })
  }
  if (draft.parentId !== null && !(Number.isSafeInteger(draft.parentId) && draft.parentId > 0)) {
    errors.parentId = t('problem.parentInvalid')
  }
  if (draft.idempotencyKey && !/^[A-Za-z0-9_-]{8,64}$/.test(draft.idempotencyKey)) {
    errors.form = t('problem.formDamaged')
  }
  return errors
}

export type SpamVerdict = 'clean' | 'suspicious' | 'spam'

/** Too many links looks suspicious (held for a person); a banned word is spam. */
export function judgeSpam(draft: CommentDraft, rules: Config['comments']): SpamVerdict {
  const text = `${draft.authorName}\n${draft.body}`.toLowerCase()
  const words = new Set(text.split(/[^\p{L}\p{N}]+/u))
  if (
    rules.bannedWords.some((word) => words.has(word) || (word.includes(' ') && text.includes(word)))
  ) {
    return 'spam'
  }
  const links = splitLinks(draft.body).filter((segment) => segment.kind === 'link').length
  return links > rules.maxLinks ? 'suspicious' : 'clean'
}
