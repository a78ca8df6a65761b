// Revisions: comparing any two versions of an article line by line, and restoring an old one.
import { loadArticleEditor } from '../db/queries/editor-articles'
import { listRevisionsQuery, parseRevision, revisionQuery } from '../db/queries/revisions'
import { AppError } from '../lib/errors'
import { type EditorialDeps, updateArticle } from './editorial'
import { type Actor, requireArticleEdit } from './editorial-permissions'

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string }

/** Past this many cells the middle is shown as removed-then-added instead of aligned. */
const MAX_DIFF_CELLS = 4_000_000

/**
 * A line diff (longest common subsequence). The common head and tail are trimmed first, so the
 * usual edit — a few lines in a long article — costs little.
 */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n')
  const b = after.split('\n')
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail++
  }
  const same = (lines: string[]) => lines.map((text): DiffLine => ({ kind: 'same', text }))
  const x = a.slice(head, a.length - tail)
  const y = b.slice(head, b.length - tail)
  return [...same(a.slice(0, head)), ...alignMiddle(x, y), ...same(a.slice(a.length - tail))]
}

function alignMiddle(x: string[], y: string[]): DiffLine[] {
  const removed = (text: string): DiffLine => ({ kind: 'removed', text })
  const added = (text: string): DiffLine => ({ kind: 'added', text })
  if (x.length * y.length > MAX_DIFF_CELLS) return [...x.map(removed), ...y.map(added)]
  // lengths[i][j]: the LCS of x[i..] and y[j..], filled from the end.
  const width = y.length + 1
  const lengths = new Uint32Array((x.length + 1) * width)
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        x[i] === y[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0)
    }
  }
  const lines: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      lines.push({ kind: 'same', text: x[i] as string })
      i++
      j++
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      lines.push(removed(x[i++] as string))
    } else lines.push(added(y[j++] as string))
  }
  return [...lines, ...x.slice(i).map(removed), ...y.slice(j).map(added)]
}

/** One side of a comparison: the article now, or a stored revision. */
export interface VersionView {
  id: number | 'current'
  label: string
  title: string
  summary: string
  bodyMd: string
  slug: string
  category: string
  tags: string[]
  byline: string
  image: string
  language: string
}

/** The current version, a revision by id, or the newest revision. */
export type RevisionRef = 'current' | 'newest' | number

/** Loads the article, its revision list and two versions of it for comparing: two round trips. */
export async function loadComparison(
  deps: Pick<EditorialDeps, 'db'>,
  actor: Actor,
  articleId: number,
  refs: { from: RevisionRef; to: RevisionRef },
) {
  const { db } = deps
  const { article, categories } = await loadArticleEditor(db, articleId)
  if (!article) throw new AppError('NOT_FOUND', 'There is no such article.')
  requireArticleEdit(actor, article)
  const [list, fromRows, toRows] = await db.batch([
    listRevisionsQuery(db, articleId),
    revisionQuery(db, articleId, refs.from === 'current' ? 0 : refs.from),
    revisionQuery(db, articleId, refs.to === 'current' ? 0 : refs.to),
  ])
  const view = (ref: RevisionRef, rows: typeof fromRows): VersionView => {
    if (ref === 'current') {
      return {
        ...article,
        id: 'current',
        label: 'Current version',
        category: categories.find((c) => c.id === article.categoryId)?.name ?? '',
        tags: article.tags.map((tag) => tag.name),
        image: describeImage(article),
      }
    }
    const row = rows[0]
    if (!row) throw new AppError('NOT_FOUND', 'There is no such revision of this article.')
    const revision = parseRevision(row)
    return {
      ...revision,
      id: revision.id,
      label: `Revision ${revision.id}`,
      category: revision.categoryName ?? '',
      tags: revision.tagNames,
      image: describeImage(revision),
    }
  }
  // With no revisions there is nothing to compare: both sides are the current version.
  const side = (ref: RevisionRef, rows: typeof fromRows) =>
    ref === 'newest' && list.length === 0 ? view('current', rows) : view(ref, rows)
  return { article, revisions: list, from: side(refs.from, fromRows), to: side(refs.to, toRows) }
}

function describeImage(image: {
  imageUrl: string | null
  imageAlt: string
  imageWidth: number | null
  imageHeight: number | null
}): string {
  if (!image.imageUrl) return ''
  const size =
    image.imageWidth && image.imageHeight ? ` (${image.imageWidth}×${image.imageHeight})` : ''
  return `${image.imageUrl}${size} — ${image.imageAlt}`
}

/**
 * Restores a revision's text, section, tags, byline, image and language. The slug stays as it is,
 * so a restore never moves a published URL; the version being replaced becomes a revision itself.
 */
export async function restoreRevision(
  deps: EditorialDeps,
  actor: Actor,
  articleId: number,
  revisionId: number,
) {
  const { db } = deps
  const [current, found] = await Promise.all([
    loadArticleEditor(db, articleId),
    revisionQuery(db, articleId, revisionId),
  ])
  const article = current.article
  const row = found[0]
  if (!article || !row)
    throw new AppError('NOT_FOUND', 'There is no such revision of this article.')
  const revision = parseRevision(row)
  return updateArticle(
    deps,
    actor,
    articleId,
    {
      title: revision.title,
      slug: article.slug,
      summary: revision.summary,
      bodyMd: revision.bodyMd,
      category: revision.categorySlug ?? article.categorySlug,
      tags: revision.tagNames,
      byline: revision.byline,
      imageUrl: revision.imageUrl,
      imageAlt: revision.imageAlt,
      imageWidth: revision.imageWidth,
      imageHeight: revision.imageHeight,
      language: revision.language,
      commentsClosed: article.commentsClosed,
      related: article.related.map((pin) => pin.slug),
    },
    { auditAction: 'article.restore', auditDetail: { revisionId } },
  )
}
