// parseConfig: defaults, and every invalid binding named in one clear message; readConfig's reuse.
import { describe, expect, it } from 'vitest'
import { type Env, parseConfig, readConfig } from '../../src/env'

const valid = {
  ASSETS: {} as Fetcher,
  TURSO_DATABASE_URL: 'http://127.0.0.1:8080',
  IP_HASH_SALT: 'a-long-enough-salt',
} satisfies Env

describe('parseConfig', () => {
  it('fills in the site defaults: Beirut time with its own label', () => {
    const config = parseConfig(valid)
    expect(config.site).toMatchObject({
      name: 'Bulletin',
      timeZone: 'Asia/Beirut',
      timeZoneLabel: 'Beirut Timing',
      language: 'en',
    })
    expect(config.dbTimeoutMs).toBe(5000)
  })

  it('names every missing or invalid variable at once', () => {
    expect(() =>
      parseConfig({ ASSETS: valid.ASSETS, SITE_TIMEZONE: 'Mars/Olympus', DB_TIMEOUT_MS: 'soon' }),
    ).toThrow(
      /TURSO_DATABASE_URL is missing.*IP_HASH_SALT is missing.*SITE_TIMEZONE "Mars\/Olympus".*DB_TIMEOUT_MS/,
    )
  })

  it('requires an auth token for a Turso libsql:// URL but never echoes secrets', () => {
    const attempt = () =>
      parseConfig({ ...valid, TURSO_DATABASE_URL: 'libsql://db.turso.io', IP_HASH_SALT: 'secret' })
    expect(attempt).toThrow(/TURSO_AUTH_TOKEN is missing/)
    expect(attempt).not.toThrow(/secret"/)
  })
})

describe('readConfig', () => {
  it('parses a bindings object once, and another object on its own', () => {
    const env = { ...valid }
    const other = { ...valid, SITE_NAME: 'The Other Paper' }
    expect(readConfig(env)).toBe(readConfig(env))
    expect(readConfig(other).site.name).toBe('The Other Paper')
    expect(readConfig(env).site.name).toBe('Bulletin')
  })

  it('keeps no bad config: every request with it is told what is wrong', () => {
    const broken = { ASSETS: valid.ASSETS, TURSO_DATABASE_URL: valid.TURSO_DATABASE_URL }
    expect(() => readConfig(broken)).toThrow(/IP_HASH_SALT is missing/)
    expect(() => readConfig(broken)).toThrow(/IP_HASH_SALT is missing/)
  })
})
