// Ghost's JSON export (versions 4 and 5) read into plain records, with a clear refusal of anything else.
import { readFile } from 'node:fs/promises'

export interface GhostPost {
  id: string
  title: string | null
  slug: string
  html: string | null
  feature_image: string | null
  custom_excerpt: string | null
  excerpt?: string | null
  plaintext?: string | null
  type?: string
  status: string
  visibility?: string
  published_at: string | null
  updated_at: string | null
  created_at: string | null
}

export interface GhostTag {
  id: string
  name: string
  slug: string
  visibility?: string
}

export interface GhostUser {
  id: string
  name: string
  slug: string
}

export interface GhostExport {
  version: string
  siteUrl: string
  posts: GhostPost[]
  tags: GhostTag[]
  users: GhostUser[]
  postsTags: { post_id: string; tag_id: string; sort_order?: number }[]
  postsAuthors: { post_id: string; author_id: string; sort_order?: number }[]
}

/**
 * Ghost writes one JSON document, so it is parsed whole: exports are text only (images are
 * separate), tens of megabytes for thousands of posts. `{db: [{meta, data}]}` and a bare
 * `{meta, data}` are both accepted.
 */
export async function readGhostExport(file: string): Promise<GhostExport> {
  const text = await readFile(file, 'utf8')
  const first = text.replace(/^\uFEFF/, '').trimStart()[0]
  if (first === '<')
    throw new Error(
      'This is an XML file, not a Ghost export (a WordPress export is imported with the wordpress source)',
    )
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new Error(
      `This is not a Ghost export: the JSON does not parse (${(error as Error).message})`,
    )
  }
  const root = parsed as { db?: { meta?: { version?: string }; data?: Record<string, unknown> }[] }
  const entry =
    root.db?.[0] ?? (parsed as { meta?: { version?: string }; data?: Record<string, unknown> })
  const data = entry?.data
  if (!data || !Array.isArray(data.posts))
    throw new Error('This is not a Ghost export: there is no db[0].data.posts')
  const version = entry.meta?.version ?? ''
  if (version && !/^[45]\./.test(version))
    throw new Error(`Ghost export version ${version} is not supported (4.x and 5.x are)`)
  const settings = Array.isArray(data.settings)
    ? (data.settings as { key: string; value: string }[])
    : []
  const list = <T>(name: string) => (Array.isArray(data[name]) ? (data[name] as T[]) : [])
  return {
    version,
    siteUrl: settings.find((s) => s.key === 'url')?.value ?? '',
    posts: data.posts as GhostPost[],
    tags: list<GhostTag>('tags'),
    users: list<GhostUser>('users'),
    postsTags: list('posts_tags'),
    postsAuthors: list('posts_authors'),
  }
}
