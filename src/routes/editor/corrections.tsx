// Adding a correction or clarification to a published article, from the newsroom.
import { Hono } from 'hono'
import { loadCorrectionEditor } from '../../db/queries/corrections'
import { AppError } from '../../lib/errors'
import type { EditorEnv } from '../../middleware/auth'
import { addCorrection, parseCorrectionForm } from '../../services/corrections'
import { InvalidFields } from '../../services/editorial-input'
import {
  CorrectionsPage,
  type CorrectionsPageProps,
} from '../../views/editor/pages/corrections-page'
import {
  type EditorContext,
  editorChrome,
  editorialDeps,
  formText,
  parseId,
  readForm,
} from './context'

async function renderCorrections(
  c: EditorContext,
  id: number,
  extra: Pick<CorrectionsPageProps, 'values' | 'errors' | 'notice'> = {},
) {
  const data = await loadCorrectionEditor(c.var.db, id)
  if (!data) throw new AppError('NOT_FOUND', 'There is no such article.')
  return c.render(<CorrectionsPage chrome={editorChrome(c, 'articles')} {...data} {...extra} />)
}

export const corrections = new Hono<EditorEnv>()
  .get('/articles/:id/corrections', (c) => {
    const added = c.req.query('notice') === 'added'
    const notice = added
      ? { kind: 'success' as const, text: 'Note added; the article now shows it.' }
      : undefined
    return renderCorrections(c, parseId(c.req.param('id'), 'article'), { notice })
  })
  .post('/articles/:id/corrections', async (c) => {
    const id = parseId(c.req.param('id'), 'article')
    const form = await readForm(c)
    const values = {
      kind: formText(form, 'kind'),
      placement: formText(form, 'placement'),
      text: formText(form, 'text'),
    }
    try {
      await addCorrection(editorialDeps(c), c.var.user, id, parseCorrectionForm(values))
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error
      c.status(422)
      return renderCorrections(c, id, { values, errors: error.fields })
    }
    return c.redirect(`/editor/articles/${id}/corrections?notice=added`, 303)
  })
