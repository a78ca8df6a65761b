// The newsroom's settings: defaults, the PBKDF2 cap that local workerd does not enforce, and Access.
import { describe, expect, it } from 'vitest'
import { type Env, parseConfig } from '../../../src/env'

const base = {
  TURSO_DATABASE_URL: 'http://127.0.0.1:8080',
  IP_HASH_SALT: 'a-long-enough-salt',
} as Env

describe('auth configuration', () => {
  it('defaults to 100,000 iterations, 12-hour sessions, 2-hour idle and a 15-minute lockout after 5 failures', () => {
    expect(parseConfig(base).auth).toEqual({
      passwordIterations: 100_000,
      sessionTtlMs: 12 * 3_600_000,
      sessionIdleMs: 120 * 60_000,
      maxFailuresPerAccount: 5,
      maxFailuresPerIp: 30,
      lockoutMs: 15 * 60_000,
      access: undefined,
    })
  })

  it('refuses more PBKDF2 iterations than deployed Workers accept, naming the setting', () => {
    expect(() => parseConfig({ ...base, PASSWORD_ITERATIONS: '100001' })).toThrow(
      /PASSWORD_ITERATIONS must be at most 100000/,
    )
    expect(() => parseConfig({ ...base, PASSWORD_ITERATIONS: '5000' })).toThrow(
      /PASSWORD_ITERATIONS/,
    )
    expect(parseConfig({ ...base, PASSWORD_ITERATIONS: '60000' }).auth.passwordIterations).toBe(
      60_000,
    )
  })

  it('needs ACCESS_TEAM_DOMAIN and ACCESS_AUD together, and a host name for the team', () => {
    expect(() => parseConfig({ ...base, ACCESS_AUD: 'aud' })).toThrow(/set together/)
    expect(() =>
      parseConfig({ ...base, ACCESS_TEAM_DOMAIN: 'not a host', ACCESS_AUD: 'aud' }),
    ).toThrow(/ACCESS_TEAM_DOMAIN must be a host name/)
    const config = parseConfig({
      ...base,
      ACCESS_TEAM_DOMAIN: 'https://team.cloudflareaccess.com/',
      ACCESS_AUD: 'aud',
    })
    expect(config.auth.access).toEqual({ teamDomain: 'team.cloudflareaccess.com', audience: 'aud' })
  })
})
