// Server-side verification of a Cloudflare Turnstile token.

export const TURNSTILE_VERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify'

/**
 * True only when Cloudflare confirms the token. A network failure counts as unverified: the form
 * comes back with the reader's text, so nothing is lost by refusing.
 */
export async function verifyTurnstile(secret: string, token: string, ip: string): Promise<boolean> {
  if (!token) return false
  try {
    const response = await fetch(TURNSTILE_VERIFY_URL, {
      method: 'POST',
      body: new URLSearchParams({ secret, response: token, remoteip: ip }),
      signal: AbortSignal.timeout(5000),
    })
    if (!response.ok) return false
    const result = (await response.json()) as { success?: unknown }
    return result.success === true
  } catch {
    return false
  }
}
