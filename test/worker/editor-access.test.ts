// Cloudflare Access: a valid Cf-Access-Jwt-Assertion signs a known editor in, verified against a
// mocked team JWKS; anything less is treated as no credential at all.
import { sign } from 'hono/jwt'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createUser, editorFetch, type TestUser } from './editor-fixtures'

const TEAM = 'newsroom-test.cloudflareaccess.com'
const AUD = 'a'.repeat(64)
const ACCESS_ENV = { ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD }
const KID = 'test-key-1'

interface KeyPair {
  publicJwk: JsonWebKey
  privateJwk: JsonWebKey
}

async function rsaKeys(): Promise<KeyPair> {
  const pair = (await crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair
  return {
    publicJwk: (await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey,
    privateJwk: (await crypto.subtle.exportKey('jwk', pair.privateKey)) as JsonWebKey,
  }
}

let teamKeys: KeyPair
let strangerKeys: KeyPair
let editor: TestUser

beforeAll(async () => {
  ;[teamKeys, strangerKeys] = await Promise.all([rsaKeys(), rsaKeys()])
  editor = await createUser('editor')
})

afterEach(() => vi.restoreAllMocks())

/** Serves the team's JWKS; every other request (the database) goes through untouched. */
function mockJwks() {
  const realFetch = globalThis.fetch
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input)
    if (url === `https://${TEAM}/cdn-cgi/access/certs`) {
      return Response.json({
        keys: [{ ...teamKeys.publicJwk, kid: KID, alg: 'RS256', use: 'sig' }],
      })
    }
    return realFetch(input, init)
  })
}

async function accessJwt(claims: Record<string, unknown>, keys = teamKeys) {
  const now = Math.floor(Date.now() / 1000)
  return sign(
    { iss: `https://${TEAM}`, aud: [AUD], iat: now, nbf: now, exp: now + 600, ...claims },
    { ...keys.privateJwk, alg: 'RS256', kid: KID } as never,
    'RS256',
  )
}

function withJwt(jwt: string, env: Record<string, string> = ACCESS_ENV) {
  return editorFetch('/editor', { headers: { 'Cf-Access-Jwt-Assertion': jwt }, env })
}

describe('Cloudflare Access', () => {
  it('signs in a known editor from a valid Access token and opens a session', async () => {
    const jwks = mockJwks()
    const response = await withJwt(await accessJwt({ email: editor.email }))
    expect(response.status).toBe(200)
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-bulletin_session=/)
    expect(
      jwks.mock.calls.some(([input]) =>
        String(input instanceof Request ? input.url : input).includes('/cdn-cgi/access/certs'),
      ),
    ).toBe(true)
  })

  it('refuses a token for another audience, an expired one, one signed by another key, and an unknown email', async () => {
    mockJwks()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const now = Math.floor(Date.now() / 1000)
    const refused = [
      await accessJwt({ email: editor.email, aud: ['another-application'] }),
      await accessJwt({ email: editor.email, exp: now - 60 }),
      await accessJwt({ email: editor.email, iss: 'https://other-team.cloudflareaccess.com' }),
      await accessJwt({ email: editor.email }, strangerKeys),
      await accessJwt({ email: `nobody-${editor.id}@newsroom.test` }),
      'not.a.jwt',
    ]
    for (const jwt of refused) {
      const response = await withJwt(jwt)
      expect(response.status).toBe(303)
      expect(response.headers.get('location')).toMatch(/^\/editor\/login/)
    }
    // Each bad token is logged by the kind of failure only, never the token itself.
    expect(warn.mock.calls.map(([, kind]) => kind)).toEqual([
      'JwtTokenAudience',
      'JwtTokenExpired',
      'JwtTokenIssuer',
      'JwtTokenSignatureMismatched',
      'JwtTokenInvalid',
    ])
  })

  it('ignores the header entirely when Access is not configured', async () => {
    const jwks = mockJwks()
    const response = await withJwt(await accessJwt({ email: editor.email }), {})
    expect(response.status).toBe(303)
    expect(
      jwks.mock.calls.some(([input]) =>
        String(input instanceof Request ? input.url : input).includes('access/certs'),
      ),
    ).toBe(false)
  })
})
