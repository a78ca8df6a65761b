// Device cookies (OWASP): a signed mark that this browser has signed in to this account before.
import { toBase64Url } from '../lib/encoding'
import { constantTimeEqual, isPlainLocalhost } from './sessions'

/** How long a browser stays trusted after its last successful sign-in. */
export const DEVICE_COOKIE_MAX_AGE_MS = 90 * 86_400_000
/** Sent to the sign-in form only: the rest of the site never sees it. */
export const DEVICE_COOKIE_PATH = '/editor/login'

const LABEL = 'bulletin/device-cookie/v1'
const PATTERN = /^([A-Za-z0-9_-]{22})\.([0-9a-z]{1,11})\.([A-Za-z0-9_-]{43})$/

/** `__Secure-` (HTTPS only) everywhere a browser allows it; plain-http localhost cannot. */
export function deviceCookieFor(url: string): { name: string; secure: boolean } {
  return isPlainLocalhost(url)
    ? { name: 'bulletin_device', secure: false }
    : { name: '__Secure-bulletin_device', secure: true }
}

/**
 * The signing key, derived (HKDF) from the deployment's IP_HASH_SALT with a label of its own, so
 * no second secret has to be managed and the salt itself never signs anything.
 */
async function signingKey(secret: string): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    'HKDF',
    false,
    ['deriveKey'],
  )
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(0),
      info: new TextEncoder().encode(LABEL),
    },
    base,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  )
}

async function sign(secret: string, accountHash: string, nonce: string, issued: string) {
  const data = new TextEncoder().encode(`${accountHash}.${nonce}.${issued}`)
  const mac = await crypto.subtle.sign('HMAC', await signingKey(secret), data)
  return toBase64Url(new Uint8Array(mac))
}

/**
 * A new device cookie value for the account (by the hash of its email): a random device id, the
 * issue time and a signature over both and the account, so it is worthless for any other account.
 */
export async function issueDeviceCookie(
  secret: string,
  accountHash: string,
  now: Date,
): Promise<string> {
  const nonce = toBase64Url(crypto.getRandomValues(new Uint8Array(16)))
  const issued = now.getTime().toString(36)
  return `${nonce}.${issued}.${await sign(secret, accountHash, nonce, issued)}`
}

/**
 * The device id in a cookie issued for this account and still fresh, or null for anything else
 * (another account's cookie, an old one, a forged or malformed one).
 */
export async function verifyDeviceCookie(
  secret: string,
  value: string | undefined,
  accountHash: string,
  now: Date,
): Promise<string | null> {
  const match = value ? PATTERN.exec(value) : null
  if (!match) return null
  const [, nonce = '', issued = '', signature = ''] = match
  const age = now.getTime() - Number.parseInt(issued, 36)
  if (!(age >= 0 && age < DEVICE_COOKIE_MAX_AGE_MS)) return null
  const expected = await sign(secret, accountHash, nonce, issued)
  return constantTimeEqual(signature, expected) ? nonce : null
}
