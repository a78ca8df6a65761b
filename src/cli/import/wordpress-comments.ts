// A WXR item's comments as Bulletin keeps them: one level of replies, no pingbacks, none on pages.
import type { ImportComment } from './model'
import type { ReportSink } from './wordpress-items'
import { parseWpDate, type WxrComment, type WxrItem } from './wxr-items'

const COMMENT_STATUS: Record<string, ImportComment['status']> = {
  '1': 'approved',
  '0': 'pending',
  spam: 'spam',
}

/** Threads flattened to one level: every reply joins its top-level comment, in date order. */
export function threadComments(item: WxrItem, label: string, report: ReportSink, now: number) {
  const byId = new Map(item.comments.map((c) => [c.id, c]))
  const kept: ImportComment[] = []
  const root = (comment: WxrComment) => {
    let current = comment
    for (let depth = 0; current.parent !== '0' && current.parent && depth < 100; depth++) {
      const parent = byId.get(current.parent)
      if (!parent) break
      current = parent
    }
    return current.id
  }
  for (const comment of item.comments) {
    const name = `comment ${comment.id} on ${label}`
    if (comment.type === 'pingback' || comment.type === 'trackback') {
      report.record('skipped', 'pingbacks and trackbacks are not comments', name)
      continue
    }
    const status = COMMENT_STATUS[comment.approved]
    if (!status) {
      report.record('skipped', 'comment in the trash', name)
      continue
    }
    const thread = root(comment)
    if (thread !== comment.id && byId.get(comment.parent)?.parent !== '0')
      report.warn('reply nested deeper than one level: attached to its thread', name)
    kept.push({
      sourceId: comment.id,
      threadId: thread,
      authorName: comment.author.trim() || 'Anonymous',
      body: comment.content.replace(/<[^>]*>/g, '').trim(),
      status,
      createdAt: parseWpDate(comment.date, '') ?? new Date(now),
    })
  }
  // A reply must come after its thread's first comment: date order, parents first on a tie.
  return kept.sort(
    (a, b) =>
      a.createdAt.getTime() - b.createdAt.getTime() ||
      Number(a.sourceId !== a.threadId) - Number(b.sourceId !== b.threadId),
  )
}

export function skipPageComments(
  item: WxrItem,
  label: string,
  report: ReportSink,
): ImportComment[] {
  for (const c of item.comments)
    report.record('skipped', 'comments on pages are not kept', `comment ${c.id} on ${label}`)
  return []
}
