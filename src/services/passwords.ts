// Password hashing with PBKDF2-SHA256 from WebCrypto, in a self-describing format that can be upgraded.
import { fromBase64, toBase64 } from '../lib/encoding'

/** Deployed Workers reject PBKDF2 with more iterations than this (local workerd does not). */
export const MAX_PBKDF2_ITERATIONS = 100_000
export const DEFAULT_PBKDF2_ITERATIONS = MAX_PBKDF2_ITERATIONS
const SCHEME = 'pbkdf2-sha256'
const SALT_BYTES = 16
const HASH_BITS = 256

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  if (iterations > MAX_PBKDF2_ITERATIONS) {
    throw new RangeError(
      `PBKDF2 iterations ${iterations} exceed the Workers limit of ${MAX_PBKDF2_ITERATIONS}`,
    )
  }
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveBits'],
  )
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    HASH_BITS,
  )
  return new Uint8Array(bits)
}

/** Hashes a password as `pbkdf2-sha256$<iterations>$<salt>$<hash>` (base64). */
export async function hashPassword(
  password: string,
  iterations = DEFAULT_PBKDF2_ITERATIONS,
): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const hash = await derive(password, salt, iterations)
  return [SCHEME, iterations, toBase64(salt), toBase64(hash)].join('$')
}

export interface PasswordCheck {
  ok: boolean
  /** True when the stored hash used weaker parameters than today's, so it should be re-hashed. */
  needsRehash: boolean
}

/** Checks a password against a stored hash in constant time. A malformed hash never matches. */
export async function verifyPassword(
  password: string,
  stored: string,
  iterations = DEFAULT_PBKDF2_ITERATIONS,
): Promise<PasswordCheck> {
  const [scheme, rounds, salt, hash] = stored.split('$')
  const storedIterations = Number(rounds)
  if (scheme !== SCHEME || !salt || !hash || !Number.isSafeInteger(storedIterations)) {
    return { ok: false, needsRehash: false }
  }
  const expected = fromBase64(hash)
  const actual = await derive(password, fromBase64(salt), storedIterations)
  return { ok: constantTimeEqual(actual, expected), needsRehash: storedIterations < iterations }
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return diff === 0
}
