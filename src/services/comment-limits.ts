// How often one reader may comment: per article and across the site, in fixed windows of rate_limits.
import type { RateWindow } from '../db/queries/rate-limits'
import type { Config } from '../env'
import { AppError } from '../lib/errors'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export interface RateRule {
  window: RateWindow
  limit: number
  /** What the reader is told, given how long to wait. */
  message: (wait: string) => string
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
  const tooQuickly = (wait: string) =>
    `You are commenting too quickly. Please wait ${wait} and send it again.`
  const tooMany = (wait: string) =>
    `You have posted a lot of comments on this site lately. Please wait ${wait} and send it again.`
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

/** "45 seconds", "12 minutes", "3 hours": rounded up, so waiting that long is always enough. */
export function describeWait(seconds: number): string {
  const [amount, unit] =
    seconds <= 90
      ? [seconds, 'second']
      : seconds <= 90 * 60
        ? [Math.ceil(seconds / 60), 'minute']
        : [Math.ceil(seconds / 3600), 'hour']
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`
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
  throw new AppError('RATE_LIMITED', worst.rule.message(describeWait(retryAfter)), retryAfter)
}
