// Fixtures for live coverage tests: a live article with updates, and the desk's requests.
import { liveBlogs, liveUpdates } from '../../src/db/schema'
import { renderMarkdown } from '../../src/services/markdown'
import { createUser, type EditorRequest, editorFetch, sessionFor } from './editor-fixtures'
import { insertArticle, testDb } from './fixtures'

/**
 * A published article under live coverage with `texts` as updates, oldest first. Each insert moves
 * the coverage revision by one (triggers), so a tab showing all of them polls after `texts.length`.
 */
export async function insertLiveArticle(texts: string[] = [], options: { ended?: boolean } = {}) {
  const article = await insertArticle()
  const started = new Date(Date.now() - 3 * 3_600_000)
  await testDb()
    .insert(liveBlogs)
    .values({
      articleId: article.id,
      startedAt: started,
      endedAt: options.ended ? new Date() : null,
    })
  const ids: number[] = []
  for (const [index, text] of texts.entries()) {
    const at = new Date(started.getTime() + (index + 1) * 600_000)
    const [row] = await testDb()
      .insert(liveUpdates)
      .values({
        articleId: article.id,
        bodyMd: text,
        bodyHtml: renderMarkdown(text),
        keyEvent: text.startsWith('KEY'),
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: liveUpdates.id })
    if (row) ids.push(row.id)
  }
  return { article, ids, revision: texts.length }
}

export async function editorSession(role: 'editor' | 'author' = 'editor') {
  const user = await createUser(role)
  return { user, session: await sessionFor(user) }
}

/** Posts an update from the desk as htmx does. */
export function postUpdate(
  articleId: number,
  session: EditorRequest['session'],
  body: string,
  options: Partial<EditorRequest> = {},
) {
  return editorFetch(`/editor/live/${articleId}/updates`, {
    session,
    htmx: true,
    form: { body },
    ...options,
  })
}
