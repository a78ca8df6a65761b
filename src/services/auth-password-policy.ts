// What counts as a strong enough password for a newsroom account.

import { PASSWORD_MAX, PASSWORD_MIN } from '../lib/password-limits'

// The most common choices that still pass the length rule; a full breach list would not fit a Worker.
const COMMON = new Set([
  'password1234',
  'password12345',
  'password123456',
  '123456789012',
  'qwertyuiopas',
  'qwerty123456',
  '1q2w3e4r5t6y',
  'iloveyou1234',
  'administrator',
  'letmein12345',
  'welcome12345',
  'changeme1234',
  'bulletin1234',
  'correcthorsebatterystaple',
])

/** A reason the password is too weak, or null when it is acceptable. */
export function checkPasswordStrength(password: string, context: { email?: string } = {}) {
  if (password.length < PASSWORD_MIN) {
    return `Use at least ${PASSWORD_MIN} characters; a few unrelated words work well.`
  }
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`
  if (new Set(password).size < 5) return 'Use more different characters.'
  const folded = password.toLowerCase().replace(/\s+/g, '')
  if (COMMON.has(folded)) return 'That password is one of the most common ones; choose another.'
  const local = context.email?.split('@')[0]?.toLowerCase() ?? ''
  if (local.length >= 4 && folded.includes(local)) {
    return 'The password must not contain your email address.'
  }
  return null
}
