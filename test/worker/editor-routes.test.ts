// The route matrix: every /editor and /api route, read from the router itself, is tried anonymous,
// with a forged session, an expired one, without its CSRF token, with the wrong role and the right one.
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { insertRevisionQuery, listRevisionsQuery } from '../../src/db/queries/revisions'
import { agencyFeeds, articles, categories } from '../../src/db/schema'
import type { ApiScope } from '../../src/services/api-tokens'
import { uploadMedia } from '../../src/services/media-upload'
import { randomToken } from '../../src/services/sessions'
import {
  apiFetch,
  articleForm,
  createUser,
  editorFetch,
  expiredSessionFor,
  insertPendingComment,
  sessionCookie,
  sessionFor,
  type TestSession,
  type TestUser,
  tokenFor,
} from './editor-fixtures'
import { type EditorCase, type Fixtures, type Maybe, NEWSROOM } from './editor-routes-newsroom'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { mediaEnv, uniqueJpeg } from './media-fixtures'

interface ApiCase {
  path?: Maybe<string>
  json?: Maybe<unknown>
  scope: ApiScope
  ok: number
}

const resolve = async <T>(value: Maybe<T> | undefined, fx: Fixtures): Promise<T | undefined> =>
  typeof value === 'function' ? (value as (fx: Fixtures) => T | Promise<T>)(fx) : value

const draftBy = async (user: TestUser) => {
  const article = await insertArticle({ status: 'draft', publishedAt: null })
  await testDb().update(articles).set({ authorId: user.id }).where(eq(articles.id, article.id))
  await insertRevisionQuery(testDb(), {
    articleId: article.id,
    slug: article.slug,
    title: `Earlier ${article.title}`,
    summary: '',
    bodyMd: 'Earlier text.',
    categoryId: article.categoryId,
    byline: '',
    tagNames: [],
    imageUrl: null,
    imageAlt: '',
    imageWidth: null,
    imageHeight: null,
    language: 'en',
    editorId: user.id,
    createdAt: new Date(Date.now() - 60_000),
  })
  return article.id
}

const revisionOf = async (articleId: number) => {
  const [revision] = await listRevisionsQuery(testDb(), articleId)
  if (!revision) throw new Error('no revision')
  return revision.id
}

/**
 * A subscription to unsubscribe. Its first poll is due in a year: the cron tests poll every due
 * feed of the shared database, and this one is not reachable.
 */
const agencyFeed = async () => {
  const [section] = await testDb().select({ id: categories.id }).from(categories).limit(1)
  const [feed] = await testDb()
    .insert(agencyFeeds)
    .values({
      url: `https://wire-${uniqueSuffix()}.example/feed.xml`,
      categoryId: section?.id ?? 1,
      nextAttemptAt: new Date(Date.now() + 365 * 86_400_000),
    })
    .returning({ id: agencyFeeds.id })
  return feed?.id as number
}

const freshComment = async (fx: Fixtures) => (await insertPendingComment(fx.published)).id

/** Public by design: the only routes under /editor that need no session. */
const PUBLIC: Record<string, { ok: number; form?: Record<string, string> }> = {
  'GET /editor/login': { ok: 200 },
  'POST /editor/login': {
    ok: 401,
    form: { email: 'nobody@newsroom.test', password: 'wrong password' },
  },
}

const EDITOR: Record<string, EditorCase> = {
  'GET /editor': { right: 'author', wrong: null, ok: 200 },
  'POST /editor/logout': { right: 'author', wrong: null, ok: 303, form: {}, ownSession: true },
  'GET /editor/account': { right: 'author', wrong: null, ok: 200 },
  // Blank fields: answered by field (422) without touching the password, so the matrix's own
  // sessions survive (a real change would end them).
  'POST /editor/account/password': {
    right: 'author',
    wrong: null,
    ok: 422,
    form: { current_password: '', new_password: '', confirm_password: '' },
  },
  'GET /editor/articles': { right: 'author', wrong: null, ok: 200 },
  'GET /editor/articles/new': { right: 'author', wrong: null, ok: 200 },
  'POST /editor/articles': { right: 'author', wrong: null, ok: 303, form: () => articleForm() },
  'GET /editor/articles/:id': {
    path: (fx) => `/editor/articles/${fx.authorArticle}`,
    right: 'author',
    wrong: { role: 'author', path: (fx) => `/editor/articles/${fx.editorArticle}` },
    ok: 200,
  },
  'POST /editor/articles/:id': {
    path: (fx) => `/editor/articles/${fx.authorArticle}`,
    form: () => articleForm(),
    right: 'author',
    wrong: { role: 'author', path: (fx) => `/editor/articles/${fx.editorArticle}` },
    ok: 303,
  },
  'POST /editor/preview': { right: 'author', wrong: null, ok: 200, form: { body_md: '**hi**' } },
  'GET /editor/articles/:id/revisions': {
    path: (fx) => `/editor/articles/${fx.editorArticle}/revisions`,
    right: 'editor',
    wrong: { role: 'author' },
    ok: 200,
  },
  'POST /editor/articles/:id/revisions/:revisionId/restore': {
    path: async (fx) =>
      `/editor/articles/${fx.editorArticle}/revisions/${await revisionOf(fx.editorArticle)}/restore`,
    form: {},
    right: 'editor',
    wrong: { role: 'author' },
    ok: 303,
  },
  'GET /editor/comments': { right: 'editor', wrong: { role: 'author' }, ok: 200 },
  'POST /editor/comments/moderate': {
    form: async (fx) => ({ single: `${await freshComment(fx)}:approve` }),
    right: 'editor',
    wrong: { role: 'author' },
    ok: 303,
  },
  'GET /editor/users': { right: 'admin', wrong: { role: 'editor' }, ok: 200 },
  'POST /editor/users': {
    form: () => ({
      email: `new-${uniqueSuffix()}@newsroom.test`,
      name: 'New Person',
      role: 'author',
    }),
    right: 'admin',
    wrong: { role: 'editor' },
    ok: 201,
  },
  'POST /editor/users/:id/disable': {
    path: async () => `/editor/users/${(await createUser('author')).id}/disable`,
    form: {},
    right: 'admin',
    wrong: { role: 'editor' },
    ok: 200,
  },
  'POST /editor/users/:id/enable': {
    path: async () => `/editor/users/${(await createUser('author', { disabled: true })).id}/enable`,
    form: {},
    right: 'admin',
    wrong: { role: 'editor' },
    ok: 200,
  },
  'POST /editor/users/:id/role': {
    path: async () => `/editor/users/${(await createUser('author')).id}/role`,
    form: { role: 'editor' },
    right: 'admin',
    wrong: { role: 'editor' },
    ok: 200,
  },
  'POST /editor/users/:id/reset-password': {
    path: async () => `/editor/users/${(await createUser('author')).id}/reset-password`,
    form: {},
    right: 'admin',
    wrong: { role: 'editor' },
    ok: 200,
  },
  'GET /editor/tokens': { right: 'admin', wrong: { role: 'editor' }, ok: 200 },
  'POST /editor/tokens': {
    form: (fx) => ({
      name: 'Matrix',
      user_id: String(fx.users.author.id),
      scopes: 'articles:read',
    }),
    right: 'admin',
    wrong: { role: 'editor' },
    ok: 201,
  },
  'POST /editor/tokens/:id/revoke': {
    path: async (fx) =>
      `/editor/tokens/${(await tokenFor(fx.users.author, ['articles:read'])).id}/revoke`,
    form: {},
    right: 'admin',
    wrong: { role: 'editor' },
    ok: 200,
  },
  'GET /editor/audit': { right: 'admin', wrong: { role: 'editor' }, ok: 200 },
  'GET /editor/export': { right: 'admin', wrong: { role: 'editor' }, ok: 200 },
  'POST /editor/export': {
    right: 'admin',
    wrong: { role: 'editor' },
    ok: 200,
    form: { format: 'json' },
  },
  // Agency feeds: editors and admins only. Blank fields are answered by field (422), nothing fetched.
  'GET /editor/agency-feeds': { right: 'editor', wrong: { role: 'author' }, ok: 200 },
  'POST /editor/agency-feeds': {
    form: { url: '', section: '', byline: '', mode: '' },
    right: 'editor',
    wrong: { role: 'author' },
    ok: 422,
  },
  'POST /editor/agency-feeds/:id/delete': {
    path: async () => `/editor/agency-feeds/${await agencyFeed()}/delete`,
    form: {},
    right: 'editor',
    wrong: { role: 'author' },
    ok: 200,
  },
  // A translation is a new draft in another edition: whoever may edit the article may start one.
  'POST /editor/articles/:id/translations': {
    path: (fx) => `/editor/articles/${fx.authorArticle}/translations`,
    form: { language: 'ar' },
    right: 'author',
    wrong: { role: 'author', path: (fx) => `/editor/articles/${fx.editorArticle}/translations` },
    ok: 303,
  },
  // Media: every role uploads and views; an author changes and deletes only their own uploads.
  'GET /editor/media': { right: 'author', wrong: null, ok: 200 },
  'GET /editor/media/picker': { right: 'author', wrong: null, ok: 200 },
  // No file: answered next to the field (400), nothing stored.
  'POST /editor/media/upload': { right: 'author', wrong: null, ok: 400, form: {} },
  'GET /editor/media/:id': {
    path: async (fx) => `/editor/media/${await mediaBy(fx.users.editor)}`,
    right: 'author',
    wrong: null,
    ok: 200,
  },
  'POST /editor/media/:id': {
    path: async (fx) => `/editor/media/${await mediaBy(fx.users.author)}`,
    form: { alt: 'A harbour', caption: '', credit: '' },
    right: 'author',
    wrong: {
      role: 'author',
      path: async (fx) => `/editor/media/${await mediaBy(fx.users.editor)}`,
    },
    ok: 200,
  },
  'POST /editor/media/:id/delete': {
    path: async (fx) => `/editor/media/${await mediaBy(fx.users.author)}/delete`,
    form: {},
    right: 'author',
    wrong: {
      role: 'author',
      path: async (fx) => `/editor/media/${await mediaBy(fx.users.editor)}/delete`,
    },
    ok: 303,
  },
  ...NEWSROOM,
}

/** A fresh library image uploaded by the user. */
async function mediaBy(user: TestUser): Promise<number> {
  const uploaded = await uploadMedia({ db: testDb(), ...mediaEnv() }, user, {
    bytes: uniqueJpeg(),
    filename: 'matrix.jpg',
  })
  return uploaded.media.id
}

const newArticleJson = () => ({
  title: `API story ${uniqueSuffix()}`,
  category: 'international-news',
  bodyMd: 'Body.',
})

const API: Record<string, ApiCase> = {
  'GET /api/v1/articles': { scope: 'articles:read', ok: 200 },
  'GET /api/v1/articles/:id': {
    path: (fx) => `/api/v1/articles/${fx.editorArticle}`,
    scope: 'articles:read',
    ok: 200,
  },
  'POST /api/v1/articles': { json: newArticleJson, scope: 'articles:write', ok: 201 },
  'PUT /api/v1/articles/:id': {
    path: (fx) => `/api/v1/articles/${fx.editorArticle}`,
    json: newArticleJson,
    scope: 'articles:write',
    ok: 200,
  },
  'POST /api/v1/articles/:id/publish': {
    path: async (fx) => `/api/v1/articles/${await draftBy(fx.users.editor)}/publish`,
    scope: 'articles:publish',
    ok: 200,
  },
  'POST /api/v1/articles/:id/unpublish': {
    path: async () => `/api/v1/articles/${(await insertArticle()).id}/unpublish`,
    scope: 'articles:publish',
    ok: 200,
  },
  'GET /api/v1/comments': { scope: 'comments:moderate', ok: 200 },
  'POST /api/v1/comments/moderate': {
    json: async (fx: Fixtures) => ({ ids: [await freshComment(fx)], action: 'reject' }),
    scope: 'comments:moderate',
    ok: 200,
  },
  'POST /api/v1/comments/:id/moderate': {
    path: async (fx) => `/api/v1/comments/${await freshComment(fx)}/moderate`,
    json: { action: 'approve' },
    scope: 'comments:moderate',
    ok: 200,
  },
}

/** Every method and path under /editor and /api that the app routes, read from the router. */
const ROUTES = [
  ...new Set(
    createApp()
      .routes.filter((route) => route.method !== 'ALL' && /^\/(editor|api)(\/|$)/.test(route.path))
      .map((route) => `${route.method} ${route.path}`),
  ),
]

const fx = {} as Fixtures

beforeAll(async () => {
  const [admin, editor, author] = await Promise.all([
    createUser('admin'),
    createUser('editor'),
    createUser('author'),
  ])
  fx.users = { admin, editor, author }
  fx.sessions = {
    admin: await sessionFor(admin),
    editor: await sessionFor(editor),
    author: await sessionFor(author),
  }
  fx.expired = await expiredSessionFor(editor)
  fx.editorArticle = await draftBy(editor)
  fx.authorArticle = await draftBy(author)
  fx.published = (await insertArticle()).id
  fx.tokens = {
    all: (await tokenFor(editor)).token,
    revoked: (await tokenFor(editor, undefined, { revoked: true })).token,
    readOnly: (await tokenFor(editor, ['articles:read'])).token,
    moderateOnly: (await tokenFor(editor, ['comments:moderate'])).token,
  }
})

function methodAndPath(route: string): [string, string] {
  const [method = '', path = ''] = route.split(' ')
  return [method, path]
}

/** What a request without a usable session gets: the login page for a page view, 401 otherwise. */
function expectSignedOut(response: Response, method: string) {
  if (method === 'GET') {
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toMatch(/^\/editor\/login\?next=/)
  } else expect(response.status).toBe(401)
  expect(response.headers.get('cache-control')).toBe('no-store')
}

describe('route matrix', () => {
  it('finds the newsroom and API routes in the router', () => {
    expect(ROUTES.length).toBeGreaterThan(25)
    expect(ROUTES).toContain('GET /editor/users')
    expect(ROUTES).toContain('PUT /api/v1/articles/:id')
  })

  it('has an entry for every route, so a new route cannot be forgotten', () => {
    const known = new Set([...Object.keys(PUBLIC), ...Object.keys(EDITOR), ...Object.keys(API)])
    expect(ROUTES.filter((route) => !known.has(route))).toEqual([])
    expect([...known].filter((route) => !ROUTES.includes(route))).toEqual([])
  })

  for (const route of ROUTES.filter((r) => r in PUBLIC)) {
    const [method, path] = methodAndPath(route)
    const spec = PUBLIC[route] as (typeof PUBLIC)[string]
    it(`${route}: is public and answers ${spec.ok} with no session`, async () => {
      const response = await editorFetch(path, { method, form: spec.form })
      expect(response.status).toBe(spec.ok)
    })
  }

  for (const route of ROUTES.filter((r) => r in EDITOR)) {
    const [method, pattern] = methodAndPath(route)
    const spec = EDITOR[route] as EditorCase
    const path = async () => (await resolve(spec.path, fx)) ?? pattern
    const form = async () => (method === 'GET' ? undefined : ((await resolve(spec.form, fx)) ?? {}))
    describe(route, () => {
      it('anonymous → sign in first', async () => {
        expectSignedOut(await editorFetch(await path(), { method, form: await form() }), method)
      })
      it('with a forged session → sign in first, and the cookie is cleared', async () => {
        const forged: TestSession = {
          cookie: sessionCookie(randomToken()),
          csrf: randomToken(),
          token: '',
        }
        const response = await editorFetch(await path(), {
          method,
          session: forged,
          form: await form(),
        })
        expectSignedOut(response, method)
        expect(response.headers.get('set-cookie')).toMatch(/Max-Age=0/)
      })
      it('with an expired session → sign in first', async () => {
        const response = await editorFetch(await path(), {
          method,
          session: fx.expired,
          form: await form(),
        })
        expectSignedOut(response, method)
      })
      it(`with a valid session and no CSRF token → ${method === 'GET' ? `${spec.ok} (reads need none)` : '403'}`, async () => {
        const session = fx.sessions[spec.right]
        const response = await editorFetch(await path(), {
          method,
          session,
          form: await form(),
          csrf: false,
        })
        expect(response.status).toBe(method === 'GET' ? spec.ok : 403)
      })
      it(`with the wrong role → ${spec.wrong ? '403' : 'none: every role may'}`, async () => {
        if (!spec.wrong) {
          expect(spec.right).toBe('author')
          return
        }
        const target = (await resolve(spec.wrong.path, fx)) ?? (await path())
        const response = await editorFetch(target, {
          method,
          session: fx.sessions[spec.wrong.role],
          form: await form(),
        })
        expect(response.status).toBe(403)
      })
      it(`with the right role (${spec.right}) → ${spec.ok}`, async () => {
        const session = spec.ownSession
          ? await sessionFor(fx.users[spec.right])
          : fx.sessions[spec.right]
        const response = await editorFetch(await path(), { method, session, form: await form() })
        expect(response.status).toBe(spec.ok)
        expect(response.headers.get('cache-control')).toBe('no-store')
      })
    })
  }

  for (const route of ROUTES.filter((r) => r in API)) {
    const [method, pattern] = methodAndPath(route)
    const spec = API[route] as ApiCase
    const path = async () => (await resolve(spec.path, fx)) ?? pattern
    const json = async () => resolve(spec.json, fx)
    const wrongToken = () =>
      spec.scope === 'comments:moderate' ? fx.tokens.readOnly : fx.tokens.moderateOnly
    describe(route, () => {
      it('anonymous → 401 with WWW-Authenticate', async () => {
        const response = await apiFetch(await path(), { method, json: await json() })
        expect(response.status).toBe(401)
        expect(response.headers.get('www-authenticate')).toContain('Bearer')
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
          'UNAUTHORIZED',
        )
      })
      it('with a forged token → 401', async () => {
        const response = await apiFetch(await path(), {
          method,
          token: `bt_${randomToken()}`,
          json: await json(),
        })
        expect(response.status).toBe(401)
      })
      it('with a revoked token → 401', async () => {
        const response = await apiFetch(await path(), {
          method,
          token: fx.tokens.revoked,
          json: await json(),
        })
        expect(response.status).toBe(401)
      })
      it('with an editor session cookie and no token → 401 (cookies never authenticate the API)', async () => {
        const response = await apiFetch(await path(), {
          method,
          json: await json(),
          headers: { Cookie: fx.sessions.admin.cookie, 'X-CSRF-Token': fx.sessions.admin.csrf },
        })
        expect(response.status).toBe(401)
      })
      it(`with a token lacking ${spec.scope} → 403`, async () => {
        const response = await apiFetch(await path(), {
          method,
          token: wrongToken(),
          json: await json(),
        })
        expect(response.status).toBe(403)
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
          'FORBIDDEN',
        )
      })
      it(`with the right scope → ${spec.ok}`, async () => {
        const response = await apiFetch(await path(), {
          method,
          token: fx.tokens.all,
          json: await json(),
        })
        expect(response.status).toBe(spec.ok)
        expect(response.headers.get('cache-control')).toBe('no-store')
      })
    })
  }
})
