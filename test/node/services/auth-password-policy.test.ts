// The password rules for accounts made from the command line.
import { describe, expect, it } from 'vitest'
import { checkPasswordStrength } from '../../../src/services/auth-password-policy'

describe('checkPasswordStrength', () => {
  it('accepts a long passphrase', () => {
    expect(
      checkPasswordStrength('maple orbit tundra seven', { email: 'maya@example.com' }),
    ).toBeNull()
  })

  it.each([
    ['short', 'at least 12'],
    ['aaaaaaaaaaaaaaaa', 'more different'],
    ['Password1234', 'most common'],
    ['correct horse battery staple', 'most common'],
    ['rami.haddad-2031!', 'email'],
    ['x'.repeat(1025), 'at most 1024'],
  ])('refuses %j (%s)', (password, reason) => {
    expect(checkPasswordStrength(password, { email: 'rami.haddad@example.com' })).toContain(reason)
  })
})
