// The route matrix's shared types, and its cases for corrections, authors, pages and the live desk.
import type { UserRole } from '../../src/db/schema'
import { authors, pages } from '../../src/db/schema'
import type { TestSession, TestUser } from './editor-fixtures'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { insertLiveArticle } from './live-fixtures'

export interface Fixtures {
  users: Record<UserRole, TestUser>
  sessions: Record<UserRole, TestSession>
  expired: TestSession
  /** A draft by the editor, with one revision; an author may not touch it. */
  editorArticle: number
  /** A draft by the author, with one revision. */
  authorArticle: number
  published: number
  tokens: { all: string; revoked: string; readOnly: string; moderateOnly: string }
}

export type Maybe<T> = T | ((fx: Fixtures) => T | Promise<T>)

export interface EditorCase {
  path?: Maybe<string>
  form?: Maybe<Record<string, string | string[]>>
  /** The role that may; its request must answer `ok`. */
  right: UserRole
  /** A role (and path) that must get 403, or null when every signed-in role may use the route. */
  wrong: { role: UserRole; path?: Maybe<string> } | null
  ok: number
  /** The right-role request needs a session of its own (signing out ends it). */
  ownSession?: boolean
}

/** A fresh author with no bylines, so it may also be deleted or merged away. */
async function newAuthor(): Promise<number> {
  const suffix = uniqueSuffix()
  const [row] = await testDb()
    .insert(authors)
    .values({ slug: `matrix-author-${suffix}`, name: `Matrix ${suffix}`, updatedAt: new Date() })
    .returning({ id: authors.id })
  if (!row) throw new Error('author insert failed')
  return row.id
}

/** A fresh draft page. */
async function newPage(): Promise<number> {
  const suffix = uniqueSuffix()
  const [row] = await testDb()
    .insert(pages)
    .values({ slug: `matrix-page-${suffix}`, title: `Matrix ${suffix}`, updatedAt: new Date() })
    .returning({ id: pages.id })
  if (!row) throw new Error('page insert failed')
  return row.id
}

/** A published article under live coverage with one update. */
async function newLive() {
  const { article, ids } = await insertLiveArticle(['A matrix update'])
  return { id: article.id, update: ids[0] as number }
}

const authorForm = () => {
  const suffix = uniqueSuffix()
  return {
    name: `Matrix Writer ${suffix}`,
    slug: `matrix-writer-${suffix}`,
    job_title: '',
    bio: '',
    photo_url: '',
    photo_alt: '',
    links: '',
    user_id: '',
  }
}

const pageForm = () => {
  const suffix = uniqueSuffix()
  const slug = `matrix-about-${suffix}`
  return { title: `About ${suffix}`, slug, summary: '', body: 'Text.', intent: 'save' }
}

const editorOnly = { right: 'editor', wrong: { role: 'author' } } as const

export const NEWSROOM: Record<string, EditorCase> = {
  // The article gate lets an author open only their own article's notes; adding one needs
  // articles:publish, which the service checks even on the author's own article.
  'GET /editor/articles/:id/corrections': {
    path: (fx) => `/editor/articles/${fx.authorArticle}/corrections`,
    right: 'author',
    wrong: { role: 'author', path: (fx) => `/editor/articles/${fx.editorArticle}/corrections` },
    ok: 200,
  },
  'POST /editor/articles/:id/corrections': {
    path: (fx) => `/editor/articles/${fx.published}/corrections`,
    form: { kind: 'correction', placement: 'bottom', text: 'The date was wrong.' },
    right: 'editor',
    wrong: { role: 'author', path: (fx) => `/editor/articles/${fx.authorArticle}/corrections` },
    ok: 303,
  },
  'GET /editor/authors': { ...editorOnly, ok: 200 },
  'GET /editor/authors/new': { ...editorOnly, ok: 200 },
  'POST /editor/authors': { ...editorOnly, form: authorForm, ok: 303 },
  'POST /editor/authors/merge': {
    form: async () => ({ from: String(await newAuthor()), into: String(await newAuthor()) }),
    right: 'admin',
    wrong: { role: 'editor' },
    ok: 303,
  },
  'GET /editor/authors/:id': {
    ...editorOnly,
    path: async () => `/editor/authors/${await newAuthor()}`,
    ok: 200,
  },
  'POST /editor/authors/:id': {
    ...editorOnly,
    path: async () => `/editor/authors/${await newAuthor()}`,
    form: authorForm,
    ok: 303,
  },
  'POST /editor/authors/:id/delete': {
    ...editorOnly,
    path: async () => `/editor/authors/${await newAuthor()}/delete`,
    form: {},
    ok: 303,
  },
  'GET /editor/pages': { ...editorOnly, ok: 200 },
  // A blank place takes the page out of the footer menu: a real save, touching only a fresh page.
  'POST /editor/pages/footer': {
    ...editorOnly,
    form: async () => ({ [`footer_${await newPage()}`]: '' }),
    ok: 303,
  },
  'GET /editor/pages/new': { ...editorOnly, ok: 200 },
  'POST /editor/pages': { ...editorOnly, form: pageForm, ok: 303 },
  'GET /editor/pages/:id': {
    ...editorOnly,
    path: async () => `/editor/pages/${await newPage()}`,
    ok: 200,
  },
  'POST /editor/pages/:id': {
    ...editorOnly,
    path: async () => `/editor/pages/${await newPage()}`,
    form: pageForm,
    ok: 303,
  },
  'GET /editor/live': { right: 'author', wrong: null, ok: 200 },
  'POST /editor/live/start': {
    ...editorOnly,
    form: async () => ({ article_id: String((await insertArticle()).id) }),
    ok: 303,
  },
  // A blank headline: answered in the form (422), so the matrix never shows readers an alert.
  'POST /editor/live/breaking': {
    ...editorOnly,
    form: { headline: '', url: '/', minutes: '5' },
    ok: 422,
  },
  'POST /editor/live/breaking/clear': { ...editorOnly, form: {}, ok: 200 },
  'GET /editor/live/:id': {
    path: async () => `/editor/live/${(await newLive()).id}`,
    right: 'author',
    wrong: null,
    ok: 200,
  },
  'POST /editor/live/:id/:action{start|end}': {
    ...editorOnly,
    path: async () => `/editor/live/${(await newLive()).id}/end`,
    form: {},
    ok: 303,
  },
  // Any newsroom role posts to running coverage; only editors correct what was posted.
  'POST /editor/live/:id/updates': {
    path: async () => `/editor/live/${(await newLive()).id}/updates`,
    form: { body: 'Crews reached the harbour.' },
    right: 'author',
    wrong: null,
    ok: 200,
  },
  'POST /editor/live/:id/updates/:update/:action{pin|delete}': {
    ...editorOnly,
    path: async () => {
      const live = await newLive()
      return `/editor/live/${live.id}/updates/${live.update}/pin`
    },
    form: { pinned: '1' },
    ok: 200,
  },
  'POST /editor/live/:id/updates/:update': {
    ...editorOnly,
    path: async () => {
      const live = await newLive()
      return `/editor/live/${live.id}/updates/${live.update}`
    },
    form: { body: 'Crews reached the north harbour.' },
    ok: 200,
  },
}
