// Worker bindings (Env), request variables (AppEnv) and the config parser that validates them once.
import type { Db } from './db/client'
import { AppError } from './lib/errors'
import { dateTimeFormat } from './lib/time'
import type { ContentChange, PurgeReport } from './services/purge'

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
  COMMENTS_MODERATION?: string
  COMMENTS_RATE_PER_MINUTE?: string
  COMMENTS_RATE_PER_HOUR?: string
  COMMENTS_MAX_LINKS?: string
  COMMENTS_BANNED_WORDS?: string
  COMMENTS_CLOSE_AFTER_DAYS?: string
  TURNSTILE_SITE_KEY?: string
  TURNSTILE_SECRET_KEY?: string
  /** With CF_API_TOKEN, purges go to Cloudflare's zone purge API too, not just this data centre. */
  CF_ZONE_ID?: string
  CF_API_TOKEN?: string
  /** `true` purges by Cache-Tag (where the plan allows it) instead of by URL. */
  PURGE_BY_TAG?: string
  /** Most related lists one cron run recomputes; bounds every run's work. */
  RELATED_BATCH_SIZE?: string
  /** Days of article_views buckets kept; older ones are pruned nightly. */
  VIEW_RETENTION_DAYS?: string
  /** PBKDF2 iterations for new password hashes; deployed Workers accept at most 100,000. */
  PASSWORD_ITERATIONS?: string
  SESSION_TTL_HOURS?: string
  SESSION_IDLE_MINUTES?: string
  LOGIN_MAX_FAILURES?: string
  LOGIN_MAX_FAILURES_PER_IP?: string
  LOGIN_LOCKOUT_MINUTES?: string
  /** With ACCESS_AUD, a valid Cloudflare Access JWT signs an editor in. */
  ACCESS_TEAM_DOMAIN?: string
  ACCESS_AUD?: string
}

export const MODERATION_MODES = ['auto', 'first-time', 'all'] as const
export type ModerationMode = (typeof MODERATION_MODES)[number]

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
  comments: {
    moderation: ModerationMode
    ratePerMinute: number
    ratePerHour: number
    /** More links than this holds a comment for moderation. */
    maxLinks: number
    /** Lowercase words that mark a comment as spam. */
    bannedWords: string[]
    /** Comments close this many days after publishing; 0 keeps them open. */
    closeAfterDays: number
  }
  turnstile: { siteKey: string; secretKey: string } | undefined
  zonePurge: { zoneId: string; apiToken: string; byTag: boolean } | undefined
  jobs: {
    /** Most related lists one run recomputes (RELATED_BATCH_SIZE). */
    relatedBatchSize: number
    /** View buckets older than this many days are pruned (VIEW_RETENTION_DAYS). */
    viewRetentionDays: number
  }
  auth: {
    passwordIterations: number
    /** A session ends this long after sign-in, however busy. */
    sessionTtlMs: number
    /** …or after this long without a request. */
    sessionIdleMs: number
    /** Failed sign-ins allowed per account, and per IP, within one lockout window. */
    maxFailuresPerAccount: number
    maxFailuresPerIp: number
    lockoutMs: number
    /** Cloudflare Access in front of /editor: the team domain and the application's audience tag. */
    access: { teamDomain: string; audience: string } | undefined
  }
}

export type AppEnv = {
  Bindings: Env
  Variables: {
    config: Config
    db: Db
    /** Purge tags a route adds for what its response shows (article ids, sections). */
    cacheTags: string[]
    /** Purges everything a change affects; never throws (see services/purge.ts). */
    purge: (changes: ContentChange[]) => Promise<PurgeReport>
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

  const whole = (name: keyof Env, fallback: number, min = 0) => {
    const raw = env[name] as string | undefined
    const value = raw === undefined || raw === '' ? fallback : Number(raw)
    if (!Number.isInteger(value) || value < min) {
      problems.push(`${name} must be a whole number, at least ${min}`)
      return fallback
    }
    return value
  }
  const moderation = (env.COMMENTS_MODERATION || 'first-time') as ModerationMode
  if (!MODERATION_MODES.includes(moderation)) {
    problems.push(`COMMENTS_MODERATION must be one of ${MODERATION_MODES.join(', ')}`)
  }
  const comments = {
    moderation,
    ratePerMinute: whole('COMMENTS_RATE_PER_MINUTE', 3, 1),
    ratePerHour: whole('COMMENTS_RATE_PER_HOUR', 20, 1),
    maxLinks: whole('COMMENTS_MAX_LINKS', 2),
    bannedWords: (env.COMMENTS_BANNED_WORDS ?? '')
      .split(',')
      .map((word) => word.trim().toLowerCase())
      .filter(Boolean),
    closeAfterDays: whole('COMMENTS_CLOSE_AFTER_DAYS', 0),
  }
  if (Boolean(env.TURNSTILE_SITE_KEY) !== Boolean(env.TURNSTILE_SECRET_KEY)) {
    problems.push('TURNSTILE_SITE_KEY and TURNSTILE_SECRET_KEY must be set together')
  }

  if (Boolean(env.CF_ZONE_ID) !== Boolean(env.CF_API_TOKEN)) {
    problems.push('CF_ZONE_ID and CF_API_TOKEN must be set together')
  }
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
  const auth = {
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
    comments,
    turnstile:
      env.TURNSTILE_SITE_KEY && env.TURNSTILE_SECRET_KEY
        ? { siteKey: env.TURNSTILE_SITE_KEY, secretKey: env.TURNSTILE_SECRET_KEY }
        : undefined,
    zonePurge:
      env.CF_ZONE_ID && env.CF_API_TOKEN
        ? { zoneId: env.CF_ZONE_ID, apiToken: env.CF_API_TOKEN, byTag: env.PURGE_BY_TAG === 'true' }
        : undefined,
    jobs,
    auth,
  }
}

function isTimeZone(name: string): boolean {
  try {
    dateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}
