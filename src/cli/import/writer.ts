// Writes items in groups: one read of the map and the slugs, one batch (one transaction) of writes.
import { createHash } from 'node:crypto'
import { runImportBatch } from '../../db/queries/import-batch'
import { findGroupState } from '../../db/queries/import-group-reads'
import type { MappedRow } from '../../db/queries/import-map'
import { SUMMARY_MAX, TITLE_MAX } from '../../lib/article-input-limits'
import { fallbackSlug, firstFreeSlug, slugify } from '../../services/editorial-slug'
import { renderBody } from './convert-items'
import { groupStatements, type ItemWrite } from './group-writes'
import { createMediaImporter } from './media'
import type { ImportItem } from './model'
import type { ImportRun } from './types'

/** Items per batch: big enough to amortise a round trip, small enough to lose little on a fault. */
export const GROUP_SIZE = 100

function hashOf(item: ImportItem): string {
  // Only what the file says counts: not the run's notes, nor the worker's early render.
  const {
    warnings: _w,
    label: _l,
    mediaSizes: _m,
    lateImageId: _i,
    rendered: _r,
    ...content
  } = item
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 22)
}

/**
 * Buffers items and writes them a group at a time; `flush` at the end (and before an error). One
 * group is written while the next is read and converted; that one waits for it before its own
 * reads, since its slug and map lookups must see what the previous group wrote.
 */
export function createItemWriter(run: ImportRun, source: string) {
  let pending: ImportItem[] = []
  let writing: Promise<void> = Promise.resolve()
  const media = run.media && createMediaImporter(run.media)
  const lateImages: LateImage[] = []
  const startGroup = () => {
    const group = pending
    pending = []
    writing = writing.then(() => writeGroup(run, source, group, lateImages))
    // Surfaced by the next `add` or `flush`, which await it; not an unhandled rejection meanwhile.
    writing.catch(() => {})
  }
  return {
    /** The `--media-dir` step, for the featured images resolved after the file is read. */
    media,
    /** Items written (or, dry, counted) whose featured image comes later in the file. */
    lateImages,
    async add(item: ImportItem) {
      if (media) await media.localise(item, run.report)
      pending.push(item)
      if (pending.length < GROUP_SIZE) return
      await writing
      startGroup()
    },
    async flush() {
      if (pending.length > 0) startGroup()
      await writing
    },
  }
}

/** A written item whose featured image is an attachment the file had not reached yet. */
export interface LateImage {
  kind: ImportItem['kind']
  sourceId: string
  attachmentId: string
  label: string
}

async function writeGroup(
  run: ImportRun,
  source: string,
  group: ImportItem[],
  lateImages: LateImage[],
) {
  const { db } = run
  const now = new Date(run.now)
  // Recorded once the batch stands: a failed batch must not be reported as imported.
  const records: ((report: ImportRun['report']) => void)[] = []
  const report = {
    record: (...args: Parameters<ImportRun['report']['record']>) =>
      records.push((r) => r.record(...args)),
    warn: (...args: Parameters<ImportRun['report']['warn']>) =>
      records.push((r) => r.warn(...args)),
  }
  const writes: ItemWrite[] = []
  for (const kind of ['article', 'page'] as const) {
    const items = group.filter((item) => item.kind === kind)
    if (items.length === 0) continue
    // Hashed as the file has it, before slugs are made unique, so a re-run hashes the same.
    const hashes = new Map(items.map((item) => [item, hashOf(item)]))
    // Every item's base is looked up, since which are fresh is known only from the same read.
    const bases = new Map(
      items.map((item) => [item, item.slug || slugify(item.title) || fallbackSlug(now)]),
    )
    const { mapped, taken } = await findGroupState(
      db,
      source,
      kind,
      items.map((i) => i.sourceId),
      [...new Set(bases.values())],
    )
    const fresh = items.filter((item) => !mapped.has(item.sourceId))
    fresh.forEach((item) => {
      const base = bases.get(item) as string
      const slug = firstFreeSlug(base, taken)
      if (slug !== base) item.warnings.push(`duplicate slug made unique (${base} → ${slug})`)
      if (slug !== item.slug && item.slug && slug === base)
        item.warnings.push(`slug rewritten (${item.slug} → ${slug})`)
      taken.add(slug)
      item.slug = slug
    })
    for (const item of items) {
      const write = prepareWrite(item, hashes.get(item) as string, mapped.get(item.sourceId))
      // An unchanged item too: a run stopped before the file's end never set its featured image.
      const unchanged = 'skip' in write && write.skip === UNCHANGED
      if (item.lateImageId !== undefined && (unchanged || !('skip' in write)))
        lateImages.push({
          kind,
          sourceId: item.sourceId,
          attachmentId: item.lateImageId,
          label: item.label,
        })
      if ('skip' in write) {
        report.record('skipped', write.skip, item.label)
        for (const c of item.comments) report.record('skipped', write.skip, `comment ${c.sourceId}`)
        continue
      }
      for (const warning of item.warnings) report.warn(warning, item.label)
      const outcome = write.previous ? 'updated' : 'imported'
      report.record(outcome, `${kind}s`, item.label)
      for (const c of item.comments) report.record(outcome, 'comments', `comment ${c.sourceId}`)
      if (run.dryRun) continue
      writes.push({ item, ...write })
      if (kind === 'article' && item.status === 'published' && write.previous)
        run.changed.push({ kind: 'article', articleId: write.previous.targetId })
    }
  }
  // One batch, so one transaction: a group is written whole or not at all.
  await runImportBatch(db, groupStatements(db, source, writes, now))
  for (const apply of records) apply(run.report)
  if (!run.dryRun && group.some((i) => i.kind === 'page' && i.status === 'published'))
    run.changed.push({
      kind: 'page',
      slugs: group.filter((i) => i.kind === 'page').map((i) => i.slug),
    })
}

const UNCHANGED = 'unchanged since the last import'

type PreparedWrite = { skip: string } | Omit<ItemWrite, 'item'>

function prepareWrite(
  item: ImportItem,
  hash: string,
  previous: MappedRow | undefined,
): PreparedWrite {
  if (previous?.contentHash === hash) return { skip: UNCHANGED }
  const rendered = renderBody(item)
  if ('refused' in rendered) return { skip: `body refused: ${rendered.refused}` }
  const bodyHtml = rendered.html
  if (item.title.length > TITLE_MAX) item.warnings.push('title shortened')
  if (item.summary.length > SUMMARY_MAX) item.warnings.push('summary shortened')
  return { hash, bodyHtml, previous }
}
