// The breaking alert: checks the editor's line, link and lifetime, stores it and purges the banner.
import {
  type BreakingAlert,
  clearBreakingAlert,
  insertBreakingAlert,
} from '../db/queries/breaking-alerts'
import { AppError } from '../lib/errors'
import { classifyUrl } from '../lib/link-target'
import {
  BREAKING_HEADLINE_MAX,
  BREAKING_MAX_MINUTES,
  BREAKING_URL_MAX,
} from '../lib/live-input-limits'
import { type Actor, requirePermission } from './editorial-permissions'
import type { LiveDeps } from './live-coverage'

/** Throws INVALID with a message the form shows beside what was typed. */
export function prepareBreakingAlert(
  form: { headline: string; url: string; minutes: string },
  now: Date,
): Omit<BreakingAlert, 'id'> {
  const headline = form.headline.replace(/\s+/g, ' ').trim()
  if (headline === '') throw new AppError('INVALID', 'Write the one-line alert first.')
  if (headline.length > BREAKING_HEADLINE_MAX) {
    throw new AppError('INVALID', `The alert can be at most ${BREAKING_HEADLINE_MAX} characters.`)
  }
  const target = form.url.length <= BREAKING_URL_MAX ? classifyUrl(form.url.trim()) : null
  if (!target || target.kind === 'mail' || (target.kind === 'external' && !target.secure)) {
    throw new AppError('INVALID', 'The link must be a path on this site or an https address.')
  }
  const minutes = Number(form.minutes)
  if (!/^\d{1,4}$/.test(form.minutes) || minutes < 1 || minutes > BREAKING_MAX_MINUTES) {
    throw new AppError('INVALID', 'Choose how long the alert shows: at most a day.')
  }
  return { headline, url: target.href, expiresAt: new Date(now.getTime() + minutes * 60_000) }
}

export async function setBreakingAlert(
  deps: LiveDeps,
  actor: Actor,
  form: { headline: string; url: string; minutes: string },
): Promise<void> {
  requirePermission(actor, 'articles:publish')
  const alert = prepareBreakingAlert(form, deps.now)
  await insertBreakingAlert(deps.db, alert, actor.id, deps.now)
  await deps.purge([{ kind: 'breaking-alert' }])
}

export async function endBreakingAlert(deps: LiveDeps, actor: Actor): Promise<void> {
  requirePermission(actor, 'articles:publish')
  if (await clearBreakingAlert(deps.db, actor.id, deps.now)) {
    await deps.purge([{ kind: 'breaking-alert' }])
  }
}
