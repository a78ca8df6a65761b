// Worker bindings (Env), request variables (AppEnv) and the config parser that validates them once.
import type { Db } from './db/client'
import { AppError } from './lib/errors'

/** Everything wrangler.toml, `wrangler secret put` and the runtime bind. */
export interface Env {
  ASSETS: Fetcher
  TURSO_DATABASE_URL?: string
  TURSO_AUTH_TOKEN?: string
  /** Salt for hashing IP addresses; the raw address is never stored. */
  IP_HASH_SALT?: string
  SITE_NAME?: string
  SITE_TAGLINE?: string
  SITE_URL?: string
  SITE_LANGUAGE?: string
  SITE_TIMEZONE?: string
  SITE_TIMEZONE_LABEL?: string
  DB_TIMEOUT_MS?: string
}

export interface Config {
  databaseUrl: string
  databaseAuthToken: string | undefined
  ipHashSalt: string
  site: {
    name: string
    tagline: string
    /** Absolute origin for canonical URLs and feeds; falls back to the request's origin. */
    url: string | undefined
    language: string
    timeZone: string
    timeZoneLabel: string
  }
  dbTimeoutMs: number
}

export type AppEnv = {
  Bindings: Env
  Variables: {
    config: Config
    db: Db
  }
}

/**
 * Validates the bindings and returns typed config. Every problem is reported at once, by name only:
 * secret values never appear in the message.
 */
export function parseConfig(env: Env): Config {
  const problems: string[] = []
  const databaseUrl = env.TURSO_DATABASE_URL?.trim() ?? ''
  if (!databaseUrl) problems.push('TURSO_DATABASE_URL is missing')
  else if (!/^(https?|libsql):\/\//.test(databaseUrl)) {
    problems.push('TURSO_DATABASE_URL must be an http://, https:// or libsql:// URL')
  }
  if (databaseUrl.startsWith('libsql://') && !env.TURSO_AUTH_TOKEN) {
    problems.push('TURSO_AUTH_TOKEN is missing (required for a libsql:// database)')
  }
  const ipHashSalt = env.IP_HASH_SALT ?? ''
  if (ipHashSalt.length < 8) problems.push('IP_HASH_SALT is missing or shorter than 8 characters')

  const timeZone = env.SITE_TIMEZONE || 'Asia/Beirut'
  if (!isTimeZone(timeZone)) problems.push(`SITE_TIMEZONE "${timeZone}" is not a known time zone`)
  const siteUrl = env.SITE_URL?.replace(/\/+$/, '') || undefined
  if (siteUrl && !/^https?:\/\/[^/]+$/.test(siteUrl)) {
    problems.push('SITE_URL must be an origin such as https://news.example.com')
  }
  const dbTimeoutMs = Number(env.DB_TIMEOUT_MS ?? 5000)
  if (!Number.isInteger(dbTimeoutMs) || dbTimeoutMs < 100) {
    problems.push('DB_TIMEOUT_MS must be a whole number of milliseconds, at least 100')
  }

  if (problems.length > 0) {
    throw new AppError('MISCONFIGURED', `Invalid configuration: ${problems.join('; ')}`)
  }
  return {
    databaseUrl,
    databaseAuthToken: env.TURSO_AUTH_TOKEN || undefined,
    ipHashSalt,
    site: {
      name: env.SITE_NAME || 'Bulletin',
      tagline: env.SITE_TAGLINE || 'News at the edge',
      url: siteUrl,
      language: env.SITE_LANGUAGE || 'en',
      timeZone,
      timeZoneLabel:
        env.SITE_TIMEZONE_LABEL || `${timeZone.split('/').pop()?.replace(/_/g, ' ')} Timing`,
    },
    dbTimeoutMs,
  }
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}
