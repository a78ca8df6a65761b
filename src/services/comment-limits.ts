// How often one reader may comment: per article and across the site, in fixed windows of rate_limits.
import type { RateWindow } from '../db/queries/rate-limits'
import type { Config } from '../env'
import type { MessageKey } from '../lib/i18n/en'
import type { Duration } from '../lib/i18n/i18n'
import { ReaderError } from '../lib/i18n/reader-error'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export interface RateRule {
  window: RateWindow
  limit: number
  /** What the reader is told; its `{wait}` says how long to wait. */
  message: MessageKey
}

/**
 * Per article, so a conversation cannot be flooded; and across the site, so one address cannot
 * post up to the per-article limit on every article.
 */
export function commentRateRules(
  rules: Config['comments'],
  ipHash: string,
  articleId: number,
): RateRule[] {
  const scope = `${ipHash}:${articleId}`
  const tooQuickly = 'problem.tooQuickly'
  const tooMany = 'problem.tooMany'
  return [
    {
      window: { key: `comment:minute:${scope}`, windowMs: MINUTE },
      limit: rules.ratePerMinute,
      message: tooQuickly,
    },
    {
      window: { key: `comment:hour:${scope}`, windowMs: HOUR },
      limit: rules.ratePerHour,
      message: tooQuickly,
    },
    {
      window: { key: `comment:site-hour:${ipHash}`, windowMs: HOUR },
      limit: rules.siteRatePerHour,
      message: tooMany,
    },
    {
      window: { key: `comment:site-day:${ipHash}`, windowMs: DAY },
      limit: rules.siteRatePerDay,
      message: tooMany,
    },
  ]
}

/** 45 seconds, 12 minutes, 3 hours: rounded up, so waiting that long is always enough. */
export function measureWait(seconds: number): Duration {
  if (seconds <= 90) return { amount: seconds, unit: 'second' }
  if (seconds <= 90 * 60) return { amount: Math.ceil(seconds / 60), unit: 'minute' }
  return { amount: Math.ceil(seconds / 3600), unit: 'hour' }
}

/**
 * Throws RATE_LIMITED when this attempt went over any window, naming the one that ends last: waiting
 * for an earlier one would not be enough.
 */
export function enforceRateRules(
  rules: RateRule[],
  windows: { count: number; expiresAt: number }[],
  now: Date,
) {
  let worst: { rule: RateRule; expiresAt: number } | undefined
  for (const [i, rule] of rules.entries()) {
    const hits = windows[i]
    if (hits && hits.count > rule.limit && hits.expiresAt > (worst?.expiresAt ?? 0)) {
      worst = { rule, expiresAt: hits.expiresAt }
    }
  }
  if (!worst) return
  const retryAfter = Math.max(1, Math.ceil((worst.expiresAt - now.getTime()) / 1000))
  const wait = measureWait(retryAfter)
  throw new ReaderError('RATE_LIMITED', worst.rule.message, { wait }, retryAfter)
}
