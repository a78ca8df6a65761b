// Live coverage: checks and renders an update, applies it in one batch, and purges what it made stale.
import type { Db } from '../db/client'
import {
  changeLiveUpdate,
  insertLiveUpdate,
  type LiveUpdateChange,
  type LiveUpdateInput,
  type LiveWriteResult,
  setLiveCoverage,
} from '../db/queries/live-writes'
import { AppError } from '../lib/errors'
import { toImageSource } from '../lib/link-target'
import { LIVE_IMAGE_ALT_MAX, LIVE_UPDATE_MAX } from '../lib/live-input-limits'
import type { PurgeFn } from '../lib/purge-types'
import { type Actor, requirePermission } from './editorial-permissions'
import { findMarkdownProblem } from './markdown'
import { renderMarkdownWithMedia } from './markdown-media'

export interface LiveDeps {
  db: Db
  purge: PurgeFn
  now: Date
}

export interface LiveUpdateForm {
  body: string
  keyEvent: boolean
  imageUrl: string
  imageAlt: string
}

/**
 * Checks what the editor typed; throws INVALID with a message the form shows beside their text.
 * Library images get their sizes at save time, as in article bodies.
 */
export async function prepareLiveUpdate(db: Db, form: LiveUpdateForm): Promise<LiveUpdateInput> {
  const bodyMd = form.body.replace(/\r\n/g, '\n').trim()
  if (bodyMd === '') throw new AppError('INVALID', 'Write the update first: it is empty.')
  if (bodyMd.length > LIVE_UPDATE_MAX) {
    throw new AppError(
      'INVALID',
      `An update can be at most ${LIVE_UPDATE_MAX.toLocaleString('en')} characters; this one has ${bodyMd.length.toLocaleString('en')}.`,
    )
  }
  const problem = findMarkdownProblem(bodyMd)
  if (problem) throw new AppError('INVALID', problem)
  const rawImage = form.imageUrl.trim()
  const imageUrl = rawImage === '' ? null : toImageSource(rawImage)
  if (rawImage !== '' && !imageUrl) {
    throw new AppError('INVALID', 'The image must be a path on this site or an https address.')
  }
  const imageAlt = form.imageAlt.trim()
  if (imageAlt.length > LIVE_IMAGE_ALT_MAX) {
    throw new AppError('INVALID', `Image text can be at most ${LIVE_IMAGE_ALT_MAX} characters.`)
  }
  const bodyHtml = await renderMarkdownWithMedia(db, bodyMd)
  return { bodyMd, bodyHtml, imageUrl, imageAlt, keyEvent: form.keyEvent }
}

async function purgeAfter(deps: LiveDeps, articleId: number, result: LiveWriteResult) {
  if (!result.changed || !result.slug) return
  await deps.purge([{ kind: 'live-update', articleId, slug: result.slug, cursors: result.cursors }])
}

/** Posts an update: any newsroom role may, while coverage runs. Returns the new update's id. */
export async function postLiveUpdate(
  deps: LiveDeps,
  actor: Actor,
  articleId: number,
  form: LiveUpdateForm,
): Promise<number> {
  const input = await prepareLiveUpdate(deps.db, form)
  const result = await insertLiveUpdate(deps.db, articleId, actor.id, input, deps.now)
  if (!result.changed || result.updateId === null) {
    throw new AppError(
      'CONFLICT',
      'This article is not live, so the update was not posted. Start the coverage first.',
    )
  }
  await purgeAfter(deps, articleId, result)
  return result.updateId
}

/** Edits, pins or deletes an update: editors correct what authors post. */
export async function correctLiveUpdate(
  deps: LiveDeps,
  actor: Actor,
  articleId: number,
  updateId: number,
  change: { kind: 'edit'; form: LiveUpdateForm } | Exclude<LiveUpdateChange, { kind: 'edit' }>,
): Promise<void> {
  requirePermission(actor, 'articles:edit-any')
  const applied: LiveUpdateChange =
    change.kind === 'edit'
      ? { kind: 'edit', input: await prepareLiveUpdate(deps.db, change.form) }
      : change
  const result = await changeLiveUpdate(deps.db, articleId, updateId, actor.id, applied, deps.now)
  if (!result.changed) throw new AppError('NOT_FOUND', 'That update no longer exists.')
  await purgeAfter(deps, articleId, result)
}

/**
 * Starts or ends coverage. The page changes shape either way (the live blog appears, or freezes),
 * so it is purged like any change to the article: its page, home and its sections.
 */
export async function setCoverage(
  deps: LiveDeps,
  actor: Actor,
  articleId: number,
  running: boolean,
): Promise<void> {
  requirePermission(actor, 'articles:publish')
  const changed = await setLiveCoverage(deps.db, articleId, actor.id, running, deps.now)
  if (changed) await deps.purge([{ kind: 'article', articleId }])
}
