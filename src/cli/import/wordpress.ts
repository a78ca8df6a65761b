// `npm run import -- wordpress FILE`: a WXR 1.1/1.2 export, streamed item by item.
import { insertSectionsQuery } from '../../db/queries/import-map'
import { createConverter } from './convert-html'
import type { ImportRun, ImportSource } from './types'
import { buildWordpressItem, type WordpressContext } from './wordpress-items'
import { prepareWordpress, type WxrHeader } from './wordpress-taxonomy'
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
async function ensureSection(context: WordpressContext, slug: string, item: WxrItem) {
  if (context.ensured.has(slug)) return
  context.ensured.add(slug)
  const name = item.categories.find((c) => c.slug === slug)?.name || 'Uncategorized'
  if (!context.run.dryRun)
    await context.run.db.batch([insertSectionsQuery(context.run.db, [{ slug, name }])])
}

async function run(run: ImportRun) {
  const header: WxrHeader = { siteUrl: '', authors: [], terms: [] }
  // Filled as attachments stream past; the context holds the same maps.
  const shared = {
    converter: createConverter(),
    attachments: new Map<string, string>(),
    attachedTo: new Map<string, string[]>(),
  }
  let context: WordpressContext | undefined
  let writer: ReturnType<typeof createItemWriter> | undefined
  // The header comes before the first item; it is written once that item arrives.
  const prepare = async () => {
    const prepared = await prepareWordpress(run, header, shared)
    writer = createItemWriter(run, prepared.source)
    return prepared
  }

  try {
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
      } else if (node.name === 'item') {
        context ??= await prepare()
        const item = readItem(node)
        const label = `${item.postType || 'item'} ${item.id} "${item.title.slice(0, 40)}"`
        if (item.postType === 'attachment') {
          shared.attachments.set(item.id, item.attachmentUrl)
          if (item.parent !== '0')
            shared.attachedTo.set(item.parent, [
              ...(shared.attachedTo.get(item.parent) ?? []),
              item.attachmentUrl,
            ])
          run.report.record('skipped', 'attachment: its image is used where posts show it', label)
          continue
        }
        const skip = skipReason(item)
        if (skip) run.report.record('skipped', skip, label)
        else {
          const built = buildWordpressItem(context, item, label)
          await ensureSection(context, built.sectionSlug, item)
          await writer?.add(built)
        }
      }
    }
    context ??= await prepare()
  } finally {
    // Items read before a fault are written, so a fixed file resumes after them.
    await writer?.flush()
  }
}

const source: ImportSource = { summary: 'a WordPress export (WXR 1.1 or 1.2)', run }
export default source
