// Corrections and clarifications: the newsroom's form checked, the note stored, the caches purged.
import { insertCorrection } from '../db/queries/corrections'
import { findArticleAccess } from '../db/queries/editor-articles'
import { AppError } from '../lib/errors'
import {
  CORRECTION_KINDS,
  CORRECTION_PLACEMENTS,
  type CorrectionKind,
  type CorrectionPlacement,
} from '../lib/trust-vocabulary'
import type { EditorialDeps } from './editorial'
import { InvalidFields } from './editorial-input'
import { type Actor, can } from './editorial-permissions'
import { renderMarkdownWithMedia } from './markdown-media'

/** A note is a sentence or a short paragraph; anything longer belongs in the story itself. */
export const CORRECTION_TEXT_MAX = 2000

export interface CorrectionForm {
  kind: string
  placement: string
  text: string
}

export interface CorrectionInput {
  kind: CorrectionKind
  placement: CorrectionPlacement
  text: string
}

/** Checks the form, with a message per field; the caller shows them beside what was typed. */
export function parseCorrectionForm(form: CorrectionForm): CorrectionInput {
  const fields: Record<string, string> = {}
  const text = form.text.trim()
  if (!text) fields.text = 'Write what was wrong and what is right now.'
  else if (text.length > CORRECTION_TEXT_MAX)
    fields.text = `Keep the note under ${CORRECTION_TEXT_MAX} characters (it has ${text.length}).`
  const kind = CORRECTION_KINDS.find((value) => value === form.kind)
  if (!kind) fields.kind = 'Choose correction or clarification.'
  const placement = CORRECTION_PLACEMENTS.find((value) => value === form.placement)
  if (!placement) fields.placement = 'Choose the top or the bottom of the article.'
  if (!kind || !placement || Object.keys(fields).length > 0) throw new InvalidFields(fields)
  return { kind, placement, text }
}

/**
 * Adds a dated note to a published article, bumps its modified date, and purges the article's
 * pages, the lists and feeds it is in, and /corrections. Editors and admins only.
 */
export async function addCorrection(
  deps: EditorialDeps,
  actor: Actor,
  articleId: number,
  input: CorrectionInput,
): Promise<number> {
  if (!can(actor, 'articles:publish')) {
    throw new AppError('FORBIDDEN', 'Only editors can add corrections.')
  }
  const article = await findArticleAccess(deps.db, articleId)
  if (!article) throw new AppError('NOT_FOUND', 'There is no such article.')
  if (article.status !== 'published') {
    throw new InvalidFields(
      { text: 'Only a published article can carry a correction; edit the draft instead.' },
      'This article is not published.',
    )
  }
  const id = await insertCorrection(deps.db, {
    articleId,
    kind: input.kind,
    placement: input.placement,
    bodyMd: input.text,
    bodyHtml: await renderMarkdownWithMedia(deps.db, input.text),
    correctedAt: deps.now,
    editorId: actor.id,
  })
  await deps.purge([{ kind: 'correction', articleId }])
  return id
}
