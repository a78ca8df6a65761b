// `npm run import -- wordpress FILE`: a WXR 1.1/1.2 export, streamed item by item.
import type { BatchItem } from 'drizzle-orm/batch'
import { insertSectionsQuery } from '../../db/queries/import-map'
import { slugify } from '../../services/editorial-slug'
import { createConverter } from './convert-html'
import {
  ensureAuthors,
  mappedBefore,
  type SourceSection,
  type SourceTag,
  taxonomyQueries,
} from './taxonomy'
import type { ImportRun, ImportSource } from './types'
import { buildWordpressItem, type WordpressContext } from './wordpress-items'
import { createItemWriter } from './writer'
import {
  readAuthor,
  readItem,
  readTerm,
  type WxrAuthor,
  type WxrItem,
  type WxrTerm,
} from './wxr-items'
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

/** `/category/parent/child` for a term, following its parents. */
function categoryPath(term: WxrTerm, bySlug: Map<string, WxrTerm>): string[] {
  const chain = [term.slug]
  for (let t = term; t.parent && chain.length < 10; ) {
    const parent = bySlug.get(t.parent)
    if (!parent) break
    chain.unshift(parent.slug)
    t = parent
  }
  return chain
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
  const now = new Date(run.now)
  const authors: WxrAuthor[] = []
  const terms: WxrTerm[] = []
  let siteUrl = ''
  let context: WordpressContext | undefined
  let writer: ReturnType<typeof createItemWriter> | undefined
  const converter = createConverter()
  const attachments = new Map<string, string>()
  const attachedTo = new Map<string, string[]>()

  const prepare = async (): Promise<WordpressContext> => {
    const source = `wordpress:${siteUrl ? new URL(siteUrl).host : 'unknown'}`
    writer = createItemWriter(run, source)
    const bySlug = new Map(terms.filter((t) => t.kind === 'category').map((t) => [t.slug, t]))
    const sectionOf = new Map<string, string>()
    const sections: SourceSection[] = []
    const tags: SourceTag[] = []
    for (const term of terms) {
      if (term.kind === 'tag') {
        tags.push({
          sourceId: `tag:${term.id}`,
          slug: slugify(term.slug) || term.slug,
          name: term.name,
          paths: [`/tag/${term.slug}`],
        })
        continue
      }
      const chain = categoryPath(term, bySlug)
      const top = chain[0] as string
      sectionOf.set(term.slug, top)
      const path = `/category/${chain.join('/')}`
      if (chain.length === 1)
        sections.push({ sourceId: term.id, slug: top, name: term.name, paths: [path] })
      // A child category lives on as a tag of its articles; its old page leads to that tag.
      else
        tags.push({
          sourceId: `category:${term.id}`,
          slug: term.slug,
          name: term.name,
          paths: [path],
        })
    }
    const before = await mappedBefore(run, source, [
      ...sections.map((s) => ({ kind: 'section' as const, sourceId: s.sourceId })),
      ...tags.map((t) => ({ kind: 'tag' as const, sourceId: t.sourceId })),
      ...authors.map((a) => ({ kind: 'author' as const, sourceId: a.login })),
    ])
    const record = (kind: string, sourceId: string, reason: string, label: string) =>
      before.has(`${kind}:${sourceId}`)
        ? run.report.record('skipped', 'unchanged since the last import', label)
        : run.report.record('imported', reason, label)
    if (!run.dryRun) {
      const queries = taxonomyQueries(run.db, source, sections, tags, now)
      if (queries.length > 0) await run.db.batch(queries as [BatchItem<'sqlite'>])
    }
    for (const t of terms) {
      const top = t.kind === 'category' && sectionOf.get(t.slug) === t.slug
      const kind = top ? 'section' : 'tag'
      const sourceId = top ? t.id : `${t.kind === 'tag' ? 'tag' : 'category'}:${t.id}`
      record(kind, sourceId, t.kind === 'tag' ? 'tags' : 'categories', `${t.kind} ${t.slug}`)
    }
    const authorIds = await ensureAuthors(
      run.db,
      source,
      authors.map((a) => ({
        sourceId: a.login,
        slug: a.login,
        name: a.displayName,
        paths: [`/author/${a.login}`],
      })),
      run.dryRun,
      now,
    )
    for (const a of authors) record('author', a.login, 'authors', `author ${a.login}`)
    return {
      run,
      source,
      converter,
      sectionOf,
      authorIds,
      authors,
      attachments,
      attachedTo,
      siteUrl,
      ensured: new Set(sections.map((s) => s.slug)),
    }
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
      if (node.name === 'wp:base_site_url') siteUrl = node.text.trim()
      else if (node.name === 'wp:author') authors.push(readAuthor(node))
      else if (node.name === 'wp:category' || node.name === 'wp:tag' || node.name === 'wp:term') {
        const term = readTerm(node)
        if (term) terms.push(term)
      } else if (node.name === 'item') {
        context ??= await prepare()
        const item = readItem(node)
        const label = `${item.postType || 'item'} ${item.id} "${item.title.slice(0, 40)}"`
        if (item.postType === 'attachment') {
          attachments.set(item.id, item.attachmentUrl)
          if (item.parent !== '0')
            attachedTo.set(item.parent, [
              ...(attachedTo.get(item.parent) ?? []),
              item.attachmentUrl,
            ])
          run.report.record('skipped', 'attachment: its image is used where posts show it', label)
          continue
        }
        const ignored = IGNORED_TYPES[item.postType]
        if (ignored) run.report.record('skipped', ignored, label)
        else if (item.status === 'auto-draft')
          run.report.record('skipped', 'auto-draft ignored', label)
        else if (item.status === 'trash') run.report.record('skipped', 'in the trash', label)
        else if (item.status === 'inherit') run.report.record('skipped', 'revision ignored', label)
        else if (item.postType !== 'post' && item.postType !== 'page')
          run.report.record('skipped', `post type "${item.postType}" not imported`, label)
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
