// parseConfig: defaults, and every invalid binding named in one clear message.
import { describe, expect, it } from 'vitest'
import { type Env, parseConfig } from '../../src/env'

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
