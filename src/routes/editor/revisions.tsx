// Revisions of an article: compare any two versions, and restore an old one.
import { Hono } from 'hono'
import type { EditorEnv } from '../../middleware/auth'
import { toAppError } from '../../middleware/errors'
import { InvalidFields } from '../../services/editorial-input'
import { canEditArticle } from '../../services/editorial-permissions'
import {
  diffLines,
  loadComparison,
  type RevisionRef,
  restoreRevision,
} from '../../services/editorial-revisions'
import type { Notice } from '../../views/editor/chrome'
import { RevisionsPage } from '../../views/editor/pages/revisions-page'
import { type EditorContext, editorChrome, editorialDeps, parseId } from './context'

function parseRef(value: string | undefined, fallback: RevisionRef): RevisionRef {
  if (value === undefined || value === '') return fallback
  return value === 'current' ? 'current' : parseId(value, 'revision')
}

/** With nothing chosen, the newest revision is compared with the current version. */
async function renderRevisions(
  c: EditorContext,
  id: number,
  refs: { from: RevisionRef; to: RevisionRef },
  notice?: Notice,
) {
  const data = await loadComparison(editorialDeps(c), c.var.user, id, refs)
  return c.render(
    <RevisionsPage
      chrome={editorChrome(c, 'articles')}
      article={data.article}
      revisions={data.revisions}
      from={String(data.from.id)}
      to={String(data.to.id)}
      comparison={
        data.revisions.length > 0
          ? { from: data.from, to: data.to, body: diffLines(data.from.bodyMd, data.to.bodyMd) }
          : null
      }
      canRestore={canEditArticle(c.var.user, data.article)}
      notice={notice}
    />,
  )
}

export const revisions = new Hono<EditorEnv>()
  .get('/articles/:id/revisions', (c) =>
    renderRevisions(c, parseId(c.req.param('id'), 'article'), {
      from: parseRef(c.req.query('from'), 'newest'),
      to: parseRef(c.req.query('to'), 'current'),
    }),
  )
  .post('/articles/:id/revisions/:revisionId/restore', async (c) => {
    const id = parseId(c.req.param('id'), 'article')
    const revisionId = parseId(c.req.param('revisionId'), 'revision')
    try {
      await restoreRevision(editorialDeps(c), c.var.user, id, revisionId)
    } catch (error) {
      // A restore can fail validation today (say, a pinned article was unpublished since).
      const fields = error instanceof InvalidFields ? Object.values(error.fields).join(' ') : ''
      if (!fields && toAppError(error).code !== 'CONFLICT') throw error
      const text = `This revision cannot be restored as it is: ${fields || toAppError(error).message}`
      c.status(422)
      return renderRevisions(c, id, { from: revisionId, to: 'current' }, { kind: 'error', text })
    }
    return c.redirect(`/editor/articles/${id}?notice=restored`, 303)
  })
