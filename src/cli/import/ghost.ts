// `npm run import -- ghost FILE`: a Ghost JSON export (4.x, 5.x): posts, pages, tags and authors.
import type { ArticleStatus } from '../../db/schema'
import { slugify } from '../../services/editorial-slug'
import { createConverter } from './convert-html'
import { type GhostExport, type GhostPost, readGhostExport } from './ghost-export'
import type { ImportItem } from './model'
import { type SourceEntry, writeTaxonomy } from './taxonomy'
import type { ImportRun, ImportSource } from './types'
import { createItemWriter } from './writer'

const STATUSES: Record<string, ArticleStatus> = {
  published: 'published',
  scheduled: 'scheduled',
  draft: 'draft',
  sent: 'published',
}

function byPost<T extends { post_id: string; sort_order?: number }>(rows: T[]) {
  const map = new Map<string, T[]>()
  for (const row of [...rows].sort((a, b) => (a.sort_order ?? 0) - (b.sort_order ?? 0)))
    map.set(row.post_id, [...(map.get(row.post_id) ?? []), row])
  return map
}

function date(value: string | null): Date | null {
  const parsed = value ? new Date(value) : null
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null
}

async function run(run: ImportRun) {
  const data = await readGhostExport(run.file)
  const source = `ghost:${data.siteUrl ? new URL(data.siteUrl).host : 'site'}`
  // Internal tags (`#name`) organise the newsroom's own work: never shown, never imported.
  const publicTags = data.tags.filter((t) => t.visibility !== 'internal' && !t.name.startsWith('#'))
  const tags: SourceEntry[] = publicTags.map((t) => ({
    sourceId: t.id,
    slug: slugify(t.slug) || t.slug,
    name: t.name,
    paths: [`/tag/${t.slug}`],
  }))
  const sections = [
    { sourceId: 'uncategorized', slug: 'uncategorized', name: 'Uncategorized', paths: [] },
  ]
  const tagsOf = byPost(data.postsTags)
  const primary = new Map<string, string>()
  for (const [postId, rows] of tagsOf) {
    const first = rows.map((r) => publicTags.find((t) => t.id === r.tag_id)).find(Boolean)
    if (first) primary.set(postId, slugify(first.slug) || first.slug)
  }
  // A post's primary tag is its section, as Ghost themes show it; every public tag stays a tag.
  for (const slug of new Set(primary.values())) {
    const tag = publicTags.find((t) => (slugify(t.slug) || t.slug) === slug)
    sections.push({ sourceId: `primary:${slug}`, slug, name: tag?.name ?? slug, paths: [] })
  }
  const { authorIds, record } = await writeTaxonomy(run, source, {
    sections,
    tags,
    authors: data.users.map((u) => ({
      sourceId: u.id,
      slug: u.slug,
      name: u.name,
      paths: [`/author/${u.slug}`],
    })),
  })
  for (const t of tags) record('tag', t.sourceId, 'tags', `tag ${t.slug}`)
  for (const t of data.tags.filter((t) => !publicTags.includes(t)))
    run.report.record('skipped', 'internal #tag', `tag ${t.slug}`)
  for (const u of data.users) record('author', u.id, 'authors', `author ${u.slug}`)

  const writer = createItemWriter(run, source)
  const converter = createConverter()
  const authorsOf = byPost(data.postsAuthors)
  const total = data.posts.length
  try {
    for (const [index, post] of data.posts.entries()) {
      const label = `${post.type ?? 'post'} ${post.slug} "${(post.title ?? '').slice(0, 40)}"`
      const status = STATUSES[post.status]
      if (!status) {
        run.report.record('skipped', `status "${post.status}" not imported`, label)
        continue
      }
      await writer.add(
        buildItem(post, label, status, {
          data,
          converter,
          tagsOf,
          authorsOf,
          authorIds,
          primary,
          run,
        }),
      )
      run.progress(index + 1, total)
    }
  } finally {
    await writer.flush()
  }
}

interface GhostContext {
  data: GhostExport
  converter: ReturnType<typeof createConverter>
  tagsOf: Map<string, { tag_id: string }[]>
  authorsOf: Map<string, { author_id: string }[]>
  authorIds: Map<string, number>
  primary: Map<string, string>
  run: ImportRun
}

function buildItem(
  post: GhostPost,
  label: string,
  status: ArticleStatus,
  context: GhostContext,
): ImportItem {
  const warnings: string[] = []
  const isPage = post.type === 'page'
  let finalStatus = status
  if (post.visibility && post.visibility !== 'public') {
    warnings.push(`members-only (${post.visibility}): imported as a draft`)
    finalStatus = 'draft'
  }
  if (isPage && finalStatus === 'scheduled') finalStatus = 'draft'
  // Ghost 5 writes its own address as a placeholder in bodies and image URLs.
  const site = context.data.siteUrl.replace(/\/$/, '')
  const local = (text: string) => text.replaceAll('__GHOST_URL__', site)
  const converted = context.converter.convert(local(post.html ?? ''), { attachments: new Map() })
  warnings.push(...converted.warnings)
  if (!context.run.mediaDir && converted.images.length > 0)
    warnings.push('images kept at their original URL (no --media-dir)')
  let title = post.title?.trim() ?? ''
  if (!title) {
    title = `Untitled (${post.slug})`
    warnings.push('untitled: given a title')
  }
  const tags = (context.tagsOf.get(post.id) ?? [])
    .map((row) => context.data.tags.find((t) => t.id === row.tag_id))
    .filter((t) => t && t.visibility !== 'internal' && !t.name.startsWith('#'))
    .map((t) => ({ slug: slugify(t?.slug ?? '') || (t?.slug ?? ''), name: t?.name ?? '' }))
  const authors = (context.authorsOf.get(post.id) ?? [])
    .map((row) => context.authorIds.get(row.author_id))
    .filter((id): id is number => id !== undefined)
  const names = (context.authorsOf.get(post.id) ?? []).map(
    (row) => context.data.users.find((u) => u.id === row.author_id)?.name ?? '',
  )
  const published = date(post.published_at)
  return {
    kind: isPage ? 'page' : 'article',
    sourceId: post.id,
    label,
    title,
    slug: slugify(post.slug) || '',
    bodyMd: converted.markdown,
    summary: (post.custom_excerpt ?? '').trim(),
    status: finalStatus,
    publishedAt: finalStatus === 'published' || finalStatus === 'scheduled' ? published : null,
    updatedAt: date(post.updated_at) ?? published ?? new Date(context.run.now),
    sectionSlug: context.primary.get(post.id) ?? 'uncategorized',
    tags,
    authorIds: [...new Set(authors)],
    byline: names.filter(Boolean).join(' and '),
    imageUrl: post.feature_image ? local(post.feature_image) : null,
    imageSize: null,
    images: converted.images,
    mediaSizes: new Map(),
    comments: [],
    legacyPaths: [`/${post.slug}`],
    warnings,
  }
}

const source: ImportSource = { summary: 'a Ghost JSON export (4.x or 5.x)', run }
export default source
