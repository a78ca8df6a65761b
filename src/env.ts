// Worker bindings (Env), request variables (AppEnv) and the config parser that validates them once.
import type { Db } from './db/client'
import {
  createEnvReader,
  type ModerationMode,
  parseAuth,
  parseComments,
  parseDatabase,
  parseDbTimeout,
  parseEditions,
  parseIpHashSalt,
  parseJobs,
  parseSite,
  parseTurnstile,
  parseZonePurge,
} from './env-parsers'
import type { Edition } from './lib/editions'
import { AppError } from './lib/errors'
import type { PurgeFn } from './lib/purge-types'

/** Everything wrangler.toml, `wrangler secret put` and the runtime bind. */
export interface Env {
  ASSETS: Fetcher
  /** Media originals (R2); variants are made by IMAGES and kept in the edge cache. Optional so that
   * scripts and tests that build an Env by hand need not bind them; media routes say what is missing. */
  MEDIA?: R2Bucket
  IMAGES?: ImagesBinding
  TURSO_DATABASE_URL?: string
  TURSO_AUTH_TOKEN?: string
  /** Salt for hashing IP addresses; the raw address is never stored. */
  IP_HASH_SALT?: string
  SITE_NAME?: string
  SITE_TAGLINE?: string
  SITE_URL?: string
  SITE_LANGUAGE?: string
  /** The editions, the default first: `en:en-GB:latn ar:ar-LB:arab` (see lib/editions.ts). */
  EDITIONS?: string
  SITE_TIMEZONE?: string
  SITE_TIMEZONE_LABEL?: string
  DB_TIMEOUT_MS?: string
  COMMENTS_MODERATION?: string
  COMMENTS_RATE_PER_MINUTE?: string
  COMMENTS_RATE_PER_HOUR?: string
  /** Comments one reader may post across the whole site, whatever the article. */
  COMMENTS_SITE_RATE_PER_HOUR?: string
  COMMENTS_SITE_RATE_PER_DAY?: string
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
  /** `true` lets agency feeds live on loopback or private addresses: local development only. */
  AGENCY_FEEDS_ALLOW_PRIVATE?: string
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
  /** Every edition; the first is the default, served at `/`, the others under `/<code>/`. */
  editions: Edition[]
  dbTimeoutMs: number
  comments: {
    moderation: ModerationMode
    ratePerMinute: number
    ratePerHour: number
    /** Across the site, per reader: one address cannot post the per-article limit everywhere. */
    siteRatePerHour: number
    siteRatePerDay: number
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
    /**
     * Sign-in attempts allowed per account, and per IP, per window before each further one must
     * wait (1 s, doubling); the counts drain over `lockoutMs`, which also caps the wait.
     */
    maxFailuresPerAccount: number
    maxFailuresPerIp: number
    lockoutMs: number
    /** Cloudflare Access in front of /editor: the team domain and the application's audience tag. */
    access: { teamDomain: string; audience: string } | undefined
  }
  agencyFeeds: {
    /** Feeds on loopback, private or link-local addresses are refused unless this is set. */
    allowPrivateAddresses: boolean
  }
}

export type AppEnv = {
  Bindings: Env
  Variables: {
    config: Config
    db: Db
    /** The edition the request's path belongs to (middleware/edition.ts). */
    edition: Edition
    /** Purge tags a route adds for what its response shows (article ids, sections). */
    cacheTags: string[]
    /** Purges everything a change affects; never throws (see services/purge.ts). */
    purge: PurgeFn
  }
}

/** Configs by bindings object: workerd hands every request of an isolate the same env. */
const configs = new WeakMap<Env, Config>()

/**
 * parseConfig once per bindings object, not per request: parsing showed in the profile of every
 * request, cache hits included. The config is read-only; a bad one is not kept, so every request
 * reports it.
 */
export function readConfig(env: Env): Config {
  let config = configs.get(env)
  if (!config) {
    config = parseConfig(env)
    configs.set(env, config)
  }
  return config
}

/**
 * Validates the bindings and returns typed config. Every problem is reported at once, by name only:
 * secret values never appear in the message.
 */
export function parseConfig(env: Env): Config {
  const reader = createEnvReader(env)
  const config: Config = {
    ...parseDatabase(reader),
    ipHashSalt: parseIpHashSalt(reader),
    site: parseSite(reader),
    editions: parseEditions(reader),
    dbTimeoutMs: parseDbTimeout(reader),
    comments: parseComments(reader),
    turnstile: parseTurnstile(reader),
    zonePurge: parseZonePurge(reader),
    jobs: parseJobs(reader),
    auth: parseAuth(reader),
    agencyFeeds: { allowPrivateAddresses: env.AGENCY_FEEDS_ALLOW_PRIVATE?.trim() === 'true' },
  }
  if (reader.problems.length > 0) {
    throw new AppError('MISCONFIGURED', `Invalid configuration: ${reader.problems.join('; ')}`)
  }
  return config
}
