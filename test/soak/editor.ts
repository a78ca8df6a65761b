// An editor saving articles through the newsroom form, as often as a busy desk would.
import { setTimeout as sleep } from 'node:timers/promises'
import { type EditorSession, submitArticleForm } from '../faults/newsroom'

export interface SaveTally {
  saved: number
  unexpected: string[]
}

/** Every `everyMs` until `until`, loads one of the articles' forms, edits the body and saves it. */
export async function saveArticles(
  session: EditorSession,
  articleIds: number[],
  options: { everyMs: number; until: number; runId: string },
): Promise<SaveTally> {
  const tally: SaveTally = { saved: 0, unexpected: [] }
  for (let save = 1; Date.now() + options.everyMs <= options.until; save++) {
    await sleep(options.everyMs)
    const id = articleIds[save % articleIds.length]
    const answer = await submitArticleForm(session, `/editor/articles/${id}`, (fields) => {
      const body = fields.get('body_md') ?? ''
      fields.set(
        'body_md',
        `${body.replace(/\n\nSoak edit .*$/s, '')}\n\nSoak edit ${options.runId} ${save}.`,
      )
      fields.set('intent', 'save')
    })
    if (answer.status === 303) tally.saved++
    else tally.unexpected.push(`save ${save} of article ${id} answered ${answer.status}`)
  }
  return tally
}
