// The hidden field that carries the session's CSRF token in every newsroom form (works without JS).
import { CSRF_FIELD } from './form-names'

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />
}
