// Featured images whose attachment comes after the post in the file, set once the whole file is read.
import type { BatchItem } from 'drizzle-orm/batch'
import { findMapped } from '../../db/queries/import-map'
import { setImportedArticleImageQuery } from '../../db/queries/import-writes'
import type { createMediaImporter } from './media'
import type { ImportRun } from './types'
import type { LateImage } from './writer'

/** Rows per batch, as for items. */
const CHUNK = 100

/**
 * WordPress exports in id order, so a photo uploaded after its post was written comes later in the
 * file. Its post was written with no hero; this sets it (through `--media-dir` when given), and
 * reports only the ones the file never names.
 */
export async function resolveLateImages(
  run: ImportRun,
  source: string,
  late: LateImage[],
  attachments: ReadonlyMap<string, string>,
  media: ReturnType<typeof createMediaImporter> | undefined,
): Promise<void> {
  const found: (LateImage & { url: string })[] = []
  for (const entry of late) {
    const url = attachments.get(entry.attachmentId)
    if (!url) run.report.warn('featured image not found in the file', entry.label)
    // Pages have no featured image in Bulletin; their attachment is simply not used.
    else if (entry.kind === 'article') found.push({ ...entry, url })
  }
  if (run.dryRun) return
  for (let start = 0; start < found.length; start += CHUNK) {
    const chunk = found.slice(start, start + CHUNK)
    const ids = await findMapped(
      run.db,
      source,
      'article',
      chunk.map((entry) => entry.sourceId),
    )
    const queries: BatchItem<'sqlite'>[] = []
    for (const entry of chunk) {
      const row = ids.get(entry.sourceId)
      if (!row) continue
      const hero = media
        ? await media.localiseHero(entry.url, entry.label, run.report)
        : { url: entry.url, size: null }
      queries.push(
        setImportedArticleImageQuery(run.db, row.targetId, {
          imageUrl: hero.url,
          imageWidth: hero.size?.width ?? null,
          imageHeight: hero.size?.height ?? null,
        }),
      )
    }
    if (queries.length > 0) await run.db.batch(queries as [BatchItem<'sqlite'>])
  }
}
