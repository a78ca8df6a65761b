// A WXR file's categories, tags and authors, written before its first item and handed to the items.
import { slugify } from '../../services/editorial-slug'
import { type SourceEntry, writeTaxonomy } from './taxonomy'
import type { ImportRun } from './types'
import type { WordpressBuild } from './wordpress-items'
import type { WxrAuthor, WxrTerm } from './wxr-items'

/** What the file declares ahead of its items. */
export interface WxrHeader {
  siteUrl: string
  authors: WxrAuthor[]
  terms: WxrTerm[]
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

/** Top-level categories become sections; child categories and tags become tags. */
function sortTerms(terms: WxrTerm[]) {
  const bySlug = new Map(terms.filter((t) => t.kind === 'category').map((t) => [t.slug, t]))
  const sectionOf = new Map<string, string>()
  const sections: SourceEntry[] = []
  const tags: SourceEntry[] = []
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
  return { sectionOf, sections, tags }
}

/** What the items of one WordPress file share. */
export interface WordpressContext {
  source: string
  build: WordpressBuild
  /** Section slugs already written (declared by the file, or made for an item). */
  ensured: Set<string>
}

/** Writes the file's sections, tags and authors (reporting each), and returns the items' context. */
export async function prepareWordpress(
  run: ImportRun,
  { siteUrl, authors, terms }: WxrHeader,
): Promise<WordpressContext> {
  const source = `wordpress:${siteUrl ? new URL(siteUrl).host : 'unknown'}`
  const { sectionOf, sections, tags } = sortTerms(terms)
  const { authorIds, record } = await writeTaxonomy(run, source, {
    sections,
    tags,
    authors: authors.map((a) => ({
      sourceId: a.login,
      slug: a.login,
      name: a.displayName,
      paths: [`/author/${a.login}`],
    })),
  })
  for (const t of terms) {
    const top = t.kind === 'category' && sectionOf.get(t.slug) === t.slug
    const kind = top ? 'section' : 'tag'
    const sourceId = top ? t.id : `${t.kind === 'tag' ? 'tag' : 'category'}:${t.id}`
    record(kind, sourceId, t.kind === 'tag' ? 'tags' : 'categories', `${t.kind} ${t.slug}`)
  }
  for (const a of authors) record('author', a.login, 'authors', `author ${a.login}`)
  return {
    source,
    build: {
      sectionOf,
      authorIds,
      authors,
      attachments: new Map(),
      attachedTo: new Map(),
      hasMediaDir: !!run.mediaDir,
      now: run.now,
    },
    ensured: new Set(sections.map((s) => s.slug)),
  }
}
