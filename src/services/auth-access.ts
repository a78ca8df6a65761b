// Cloudflare Access: verifies the Cf-Access-Jwt-Assertion header against the team's public keys.
import { verifyWithJwks } from 'hono/jwt'
import type { Config } from '../env'

export const ACCESS_JWT_HEADER = 'cf-access-jwt-assertion'

type AccessConfig = NonNullable<Config['auth']['access']>

export function accessCertsUrl(access: AccessConfig): string {
  return `https://${access.teamDomain}/cdn-cgi/access/certs`
}

/**
 * The verified email in an Access JWT, or null for anything less than a valid RS256 token from
 * this team, for this application, unexpired. Access rotates its keys, so they are fetched from
 * the team's JWKS each time; that only happens when a request arrives without a live session.
 */
export async function verifyAccessJwt(
  token: string | undefined,
  access: AccessConfig,
): Promise<string | null> {
  if (!token) return null
  try {
    const payload = await verifyWithJwks(
      token,
      {
        jwks_uri: accessCertsUrl(access),
        allowedAlgorithms: ['RS256'],
        verification: { iss: `https://${access.teamDomain}`, aud: access.audience },
      },
      { signal: AbortSignal.timeout(5000) },
    )
    // hono checks `exp` only when present; Access always sets it, so a token without one is forged.
    if (typeof payload.exp !== 'number') return null
    const email = payload.email
    return typeof email === 'string' && email.includes('@') ? email : null
  } catch (error) {
    console.warn('Cloudflare Access token refused:', error instanceof Error ? error.name : 'error')
    return null
  }
}
