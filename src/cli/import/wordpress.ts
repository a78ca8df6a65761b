// `npm run import -- wordpress FILE`: a WXR 1.1/1.2 export, streamed item by item.
import { insertSectionsQuery } from '../../db/queries/import-map'
import { replayEvents } from './convert-items'
import { createConvertPool } from './convert-pool'
import { resolveLateImages } from './late-images'
import type { ImportRun, ImportSource } from './types'
import { prepareWordpress, type WordpressContext, type WxrHeader } from './wordpress-taxonomy'
import { createItemWriter } from './writer'
import { readAuthor, readItem, readTerm, type WxrItem } from './wxr-items'
import { streamXmlNodes } from './xml-stream'

/** Post types and statuses that are never content: counted in the report, never imported. */
const IGNORED_TYPES: Record<string, string> = {
  nav_menu_item: 'menu item ignored',
  revision: 'revision ignored',
  customize_changeset: 'theme setting ignored',
  custom_css: 'theme setting ignored',
  wp_global_styles: 'theme setting ignored',
  wp_template: 'theme setting ignored',
  wp_template_part: 'theme setting ignored',
  wp_navigation: 'menu item ignored',
  wp_block: 'reusable block ignored',
}

/** Why an item is not imported, or null for a post or page to write. */
function skipReason(item: WxrItem): string | null {
  const ignored = IGNORED_TYPES[item.postType]
  if (ignored) return ignored
  if (item.status === 'auto-draft') return 'auto-draft ignored'
  if (item.status === 'trash') return 'in the trash'
  if (item.status === 'inherit') return 'revision ignored'
  if (item.postType !== 'post' && item.postType !== 'page')
    return `post type "${item.postType}" not imported`
  return null
}

/** A section an item names but the file never declared (or WordPress's default), made on demand. */
async function ensureSection(
  run: ImportRun,
  context: WordpressContext,
  slug: string,
  name: string,
) {
  if (context.ensured.has(slug)) return
  context.ensured.add(slug)
  if (!run.dryRun) await run.db.batch([insertSectionsQuery(run.db, [{ slug, name }])])
}

/** The file's items: attachments noted, the rest skipped or sent to be converted, in file order. */
async function readItems(
  run: ImportRun,
  header: WxrHeader,
  onItem: (item: WxrItem) => Promise<void>,
) {
  const nodes = streamXmlNodes(run.file, {
    root: 'rss',
    kind: 'WordPress export (WXR)',
    depth: 2,
    onProgress: run.progress,
    checkRoot: (attrs) => {
      if (!Object.values(attrs).some((v) => /wordpress\.org\/export\//.test(v)))
        throw new Error(
          'This is RSS but not a WordPress export (WXR): no wp: namespace. For an agency feed, use the feed source.',
        )
    },
  })
  for await (const node of nodes) {
    if (node.name === 'wp:base_site_url') header.siteUrl = node.text.trim()
    else if (node.name === 'wp:author') header.authors.push(readAuthor(node))
    else if (node.name === 'wp:category' || node.name === 'wp:tag' || node.name === 'wp:term') {
      const term = readTerm(node)
      if (term) header.terms.push(term)
    } else if (node.name === 'item') await onItem(readItem(node))
  }
}

async function run(run: ImportRun) {
  const header: WxrHeader = { siteUrl: '', authors: [], terms: [] }
  // The header comes before the first item; it is written once that item arrives.
  let started:
    | {
        context: WordpressContext
        pool: ReturnType<typeof createConvertPool>
        writer: ReturnType<typeof createItemWriter>
      }
    | undefined
  const start = async () => {
    const context = await prepareWordpress(run, header)
    const pool = createConvertPool(context.build, run.workers)
    started = { context, pool, writer: createItemWriter(run, context.source) }
    return started
  }
  // Converted items come back in file order; each is written as the one-pass reader would have.
  const write = async (all: boolean) => {
    if (!started) return
    const { context, pool, writer } = started
    for await (const { item, sectionName, events } of pool.take(all)) {
      replayEvents(run.report, events)
      await ensureSection(run, context, item.sectionSlug, sectionName)
      await writer.add(item)
    }
  }

  try {
    await readItems(run, header, async (item) => {
      const { pool } = started ?? (await start())
      const label = `${item.postType || 'item'} ${item.id} "${item.title.slice(0, 40)}"`
      if (item.postType === 'attachment') {
        pool.attach(item.id, item.attachmentUrl, item.parent)
        run.report.record('skipped', 'attachment: its image is used where posts show it', label)
        return
      }
      const skip = skipReason(item)
      if (skip) run.report.record('skipped', skip, label)
      else {
        pool.add(item, label)
        await write(false)
      }
    })
    if (!started) await start()
  } finally {
    // Items read before a fault are written, so a fixed file resumes after them.
    try {
      await write(true)
    } finally {
      await started?.writer.flush()
      await started?.pool.close()
    }
  }
  // Only once the file has been read whole: attachments may follow their posts.
  const { context, writer } = started as NonNullable<typeof started>
  await resolveLateImages(
    run,
    context.source,
    writer.lateImages,
    context.build.attachments,
    writer.media,
  )
}

const source: ImportSource = { summary: 'a WordPress export (WXR 1.1 or 1.2)', run }
export default source
