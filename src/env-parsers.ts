// The config parser's parts, one per concern; each reads its bindings and notes what is wrong.
import type { Config, Env } from './env'
import { type Edition, parseEditionList } from './lib/editions'
import { dateTimeFormat } from './lib/time'

export const MODERATION_MODES = ['auto', 'first-time', 'all'] as const
export type ModerationMode = (typeof MODERATION_MODES)[number]

/** The bindings, plus every problem found so far: a parser notes one and carries on. */
export interface EnvReader {
  env: Env
  problems: string[]
  /** A whole number binding: `fallback` when unset, noted as a problem below `min`. */
  whole(name: keyof Env, fallback: number, min?: number): number
}

export function createEnvReader(env: Env): EnvReader {
  const problems: string[] = []
  const whole = (name: keyof Env, fallback: number, min = 0) => {
    const raw = env[name] as string | undefined
    const value = raw === undefined || raw === '' ? fallback : Number(raw)
    if (!Number.isInteger(value) || value < min) {
      problems.push(`${name} must be a whole number, at least ${min}`)
      return fallback
    }
    return value
  }
  return { env, problems, whole }
}

export function parseDatabase({ env, problems }: EnvReader) {
  const databaseUrl = env.TURSO_DATABASE_URL?.trim() ?? ''
  if (!databaseUrl) problems.push('TURSO_DATABASE_URL is missing')
  else if (!/^(https?|libsql):\/\//.test(databaseUrl)) {
    problems.push('TURSO_DATABASE_URL must be an http://, https:// or libsql:// URL')
  }
  if (databaseUrl.startsWith('libsql://') && !env.TURSO_AUTH_TOKEN) {
    problems.push('TURSO_AUTH_TOKEN is missing (required for a libsql:// database)')
  }
  return { databaseUrl, databaseAuthToken: env.TURSO_AUTH_TOKEN || undefined }
}

export function parseIpHashSalt({ env, problems }: EnvReader): string {
  const ipHashSalt = env.IP_HASH_SALT ?? ''
  if (ipHashSalt.length < 8) problems.push('IP_HASH_SALT is missing or shorter than 8 characters')
  return ipHashSalt
}

export function parseSite({ env, problems }: EnvReader): Config['site'] {
  const timeZone = env.SITE_TIMEZONE || 'Asia/Beirut'
  if (!isTimeZone(timeZone)) problems.push(`SITE_TIMEZONE "${timeZone}" is not a known time zone`)
  const url = env.SITE_URL?.replace(/\/+$/, '') || undefined
  if (url && !/^https?:\/\/[^/]+$/.test(url)) {
    problems.push('SITE_URL must be an origin such as https://news.example.com')
  }
  return {
    name: env.SITE_NAME || 'Bulletin',
    tagline: env.SITE_TAGLINE || 'News at the edge',
    url,
    language: env.SITE_LANGUAGE || 'en',
    timeZone,
    timeZoneLabel:
      env.SITE_TIMEZONE_LABEL || `${timeZone.split('/').pop()?.replace(/_/g, ' ')} Timing`,
  }
}

/** EDITIONS, or one edition in SITE_LANGUAGE; the first edition's code is the site's language. */
export function parseEditions({ env, problems }: EnvReader): Edition[] {
  const language = env.SITE_LANGUAGE || 'en'
  const found = parseEditionList(env.EDITIONS?.trim() || language)
  problems.push(...found.problems)
  if (found.editions[0] && found.editions[0].code !== language) {
    problems.push(`EDITIONS must start with SITE_LANGUAGE ("${language}"), the default edition`)
  }
  return found.editions
}

export function parseDbTimeout({ env, problems }: EnvReader): number {
  const dbTimeoutMs = Number(env.DB_TIMEOUT_MS ?? 5000)
  if (!Number.isInteger(dbTimeoutMs) || dbTimeoutMs < 100) {
    problems.push('DB_TIMEOUT_MS must be a whole number of milliseconds, at least 100')
  }
  return dbTimeoutMs
}

export function parseComments({ env, problems, whole }: EnvReader): Config['comments'] {
  const moderation = (env.COMMENTS_MODERATION || 'first-time') as ModerationMode
  if (!MODERATION_MODES.includes(moderation)) {
    problems.push(`COMMENTS_MODERATION must be one of ${MODERATION_MODES.join(', ')}`)
  }
  return {
    moderation,
    ratePerMinute: whole('COMMENTS_RATE_PER_MINUTE', 3, 1),
    ratePerHour: whole('COMMENTS_RATE_PER_HOUR', 20, 1),
    siteRatePerHour: whole('COMMENTS_SITE_RATE_PER_HOUR', 30, 1),
    siteRatePerDay: whole('COMMENTS_SITE_RATE_PER_DAY', 100, 1),
    maxLinks: whole('COMMENTS_MAX_LINKS', 2),
    bannedWords: (env.COMMENTS_BANNED_WORDS ?? '')
      .split(',')
      .map((word) => word.trim().toLowerCase())
      .filter(Boolean),
    closeAfterDays: whole('COMMENTS_CLOSE_AFTER_DAYS', 0),
  }
}

export function parseTurnstile({ env, problems }: EnvReader): Config['turnstile'] {
  if (Boolean(env.TURNSTILE_SITE_KEY) !== Boolean(env.TURNSTILE_SECRET_KEY)) {
    problems.push('TURNSTILE_SITE_KEY and TURNSTILE_SECRET_KEY must be set together')
  }
  return env.TURNSTILE_SITE_KEY && env.TURNSTILE_SECRET_KEY
    ? { siteKey: env.TURNSTILE_SITE_KEY, secretKey: env.TURNSTILE_SECRET_KEY }
    : undefined
}

export function parseZonePurge({ env, problems }: EnvReader): Config['zonePurge'] {
  if (Boolean(env.CF_ZONE_ID) !== Boolean(env.CF_API_TOKEN)) {
    problems.push('CF_ZONE_ID and CF_API_TOKEN must be set together')
  }
  return env.CF_ZONE_ID && env.CF_API_TOKEN
    ? { zoneId: env.CF_ZONE_ID, apiToken: env.CF_API_TOKEN, byTag: env.PURGE_BY_TAG === 'true' }
    : undefined
}

export function parseJobs({ problems, whole }: EnvReader): Config['jobs'] {
  const jobs = {
    relatedBatchSize: whole('RELATED_BATCH_SIZE', 200, 1),
    // Trending reads yesterday's bucket, so at least two days must stay.
    viewRetentionDays: whole('VIEW_RETENTION_DAYS', 30, 2),
  }
  if (jobs.relatedBatchSize > 1000) {
    problems.push(
      'RELATED_BATCH_SIZE must be at most 1000 (one run must stay within Workers limits)',
    )
  }
  return jobs
}

export function parseAuth({ env, problems, whole }: EnvReader): Config['auth'] {
  const passwordIterations = whole('PASSWORD_ITERATIONS', 100_000, 10_000)
  // Local workerd accepts more, so only this check stands between a typo and failed sign-ins.
  if (passwordIterations > 100_000) {
    problems.push('PASSWORD_ITERATIONS must be at most 100000 (deployed Workers reject more)')
  }
  const accessTeamDomain = env.ACCESS_TEAM_DOMAIN?.trim()
    .replace(/^https:\/\//, '')
    .replace(/\/+$/, '')
  if (Boolean(accessTeamDomain) !== Boolean(env.ACCESS_AUD?.trim())) {
    problems.push('ACCESS_TEAM_DOMAIN and ACCESS_AUD must be set together')
  } else if (accessTeamDomain && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(accessTeamDomain)) {
    problems.push('ACCESS_TEAM_DOMAIN must be a host name such as myteam.cloudflareaccess.com')
  }
  return {
    passwordIterations,
    sessionTtlMs: whole('SESSION_TTL_HOURS', 12, 1) * 3_600_000,
    sessionIdleMs: whole('SESSION_IDLE_MINUTES', 120, 5) * 60_000,
    maxFailuresPerAccount: whole('LOGIN_MAX_FAILURES', 5, 1),
    maxFailuresPerIp: whole('LOGIN_MAX_FAILURES_PER_IP', 30, 1),
    lockoutMs: whole('LOGIN_LOCKOUT_MINUTES', 15, 1) * 60_000,
    access:
      accessTeamDomain && env.ACCESS_AUD?.trim()
        ? { teamDomain: accessTeamDomain, audience: env.ACCESS_AUD.trim() }
        : undefined,
  }
}

function isTimeZone(name: string): boolean {
  try {
    dateTimeFormat('en', name, 'zoneOnly')
    return true
  } catch {
    return false
  }
}
