// PBKDF2 password hashes: round trip, parameters in the format, and the Workers iteration cap.
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_PBKDF2_ITERATIONS,
  hashPassword,
  MAX_PBKDF2_ITERATIONS,
  verifyPassword,
} from '../../../src/services/passwords'

describe('password hashing', () => {
  it('never defaults to more iterations than deployed Workers accept (100,000)', async () => {
    expect(MAX_PBKDF2_ITERATIONS).toBe(100_000)
    expect(DEFAULT_PBKDF2_ITERATIONS).toBeLessThanOrEqual(MAX_PBKDF2_ITERATIONS)
    await expect(hashPassword('correct horse', MAX_PBKDF2_ITERATIONS + 1)).rejects.toThrow(
      /exceed the Workers limit/,
    )
  })

  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple')
    expect(stored).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(await verifyPassword('correct horse battery staple', stored)).toEqual({
      ok: true,
      needsRehash: false,
    })
    expect((await verifyPassword('Correct horse battery staple', stored)).ok).toBe(false)
  })

  it('asks for a re-hash when the stored hash used fewer iterations than today', async () => {
    const old = await hashPassword('pass phrase', 1000)
    expect(await verifyPassword('pass phrase', old)).toEqual({ ok: true, needsRehash: true })
  })

  it('treats a malformed hash as a mismatch instead of throwing', async () => {
    expect((await verifyPassword('x', 'plain-text')).ok).toBe(false)
    expect((await verifyPassword('x', 'pbkdf2-sha256$abc$$')).ok).toBe(false)
  })
})
