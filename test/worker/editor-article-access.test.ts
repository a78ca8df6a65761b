// Another author's article is a closed door: every route under /editor/articles/:id (read from the
// router) and every intent of the article form (read from the code) answer 403 and say nothing of it.
import { eq } from 'drizzle-orm'
import type { HTMLElement } from 'node-html-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { insertRevisionQuery, listRevisionsQuery } from '../../src/db/queries/revisions'
import { articles } from '../../src/db/schema'
import { ARTICLE_INTENTS } from '../../src/routes/editor/article-save'
import {
  articleForm,
  createUser,
  editorFetch,
  sessionFor,
  type TestSession,
  type TestUser,
} from './editor-fixtures'
import { insertArticle, testDb } from './fixtures'
import { html } from './helpers'

/** Every route under an article's id, so a route added later is covered without being listed. */
const ROUTES = [
  ...new Set(
    createApp()
      .routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/editor/articles/:id'))
      .map((r) => `${r.method} ${r.path}`),
  ),
]
/** The intents the handler knows, one it does not, and none at all (which means save). */
const INTENTS = [...ARTICLE_INTENTS, 'no-such-intent', '']

interface Fixture {
  owner: TestUser
  prober: TestSession
  draft: { id: number; slug: string; title: string; version: string }
  revisionId: number
  publishedSlug: string
}
const fx = {} as Fixture

async function articleBy(user: TestUser, status: 'draft' | 'published') {
  const article = await insertArticle({
    status,
    publishedAt: status === 'draft' ? null : undefined,
    title: `Secret merger plans ${user.id}-${status}`,
  })
  await testDb().update(articles).set({ authorId: user.id }).where(eq(articles.id, article.id))
  return article
}

beforeAll(async () => {
  fx.owner = await createUser('editor')
  fx.prober = await sessionFor(await createUser('author'))
  const draft = await articleBy(fx.owner, 'draft')
  fx.draft = {
    id: draft.id,
    slug: draft.slug,
    title: draft.title,
    version: String(draft.updatedAt.getTime()),
  }
  await insertRevisionQuery(testDb(), {
    articleId: draft.id,
    slug: draft.slug,
    title: 'An earlier title',
    summary: '',
    bodyMd: 'Earlier text.',
    categoryId: draft.categoryId,
    byline: '',
    tagNames: [],
    imageUrl: null,
    imageAlt: '',
    imageWidth: null,
    imageHeight: null,
    language: 'en',
    editorId: fx.owner.id,
    createdAt: new Date(Date.now() - 60_000),
  })
  const [revision] = await listRevisionsQuery(testDb(), draft.id)
  fx.revisionId = revision?.id as number
  fx.publishedSlug = (await insertArticle()).slug
})

function pathFor(pattern: string): string {
  return pattern
    .replace(':id', String(fx.draft.id))
    .replace(':revisionId', String(fx.revisionId))
    .replace(/:\w+/g, '1')
}

/** A 403 that names nothing of the article: not its title, slug, owner, version or save time. */
async function expectClosedDoor(response: Response) {
  expect(response.status).toBe(403)
  const text = (await html(response)).text
  for (const secret of [fx.draft.title, fx.draft.slug, fx.owner.name, fx.draft.version]) {
    expect(text).not.toContain(secret)
  }
  expect(text).toContain('You can only open your own articles.')
}

describe('an article someone may not see', () => {
  it('finds the routes under /editor/articles/:id in the router', () => {
    expect(ROUTES).toEqual(
      expect.arrayContaining([
        'GET /editor/articles/:id',
        'POST /editor/articles/:id',
        'GET /editor/articles/:id/revisions',
        'POST /editor/articles/:id/revisions/:revisionId/restore',
      ]),
    )
  })

  for (const route of ROUTES) {
    const [method = '', pattern = ''] = route.split(' ')
    const intents = route === 'POST /editor/articles/:id' ? INTENTS : [undefined]
    for (const intent of intents) {
      for (const htmx of [false, true]) {
        const what = `${route}${intent === undefined ? '' : ` with intent "${intent}"`}`
        it(`${what}${htmx ? ' from htmx' : ''}: 403, and nothing about the article`, async () => {
          const form =
            method === 'GET'
              ? undefined
              : intent === undefined
                ? {}
                : articleForm({ intent, version: fx.draft.version })
          const response = await editorFetch(pathFor(pattern), {
            method,
            session: fx.prober,
            form,
            htmx,
          })
          await expectClosedDoor(response)
        })
      }
    }
  }

  it('answers a posted slug the same way, whether it is the article’s own, used elsewhere or free', async () => {
    const bodies = new Set<string>()
    for (const slug of [fx.draft.slug, fx.publishedSlug, 'a-slug-nobody-uses']) {
      const response = await editorFetch(`/editor/articles/${fx.draft.id}`, {
        session: fx.prober,
        form: articleForm({ slug }),
      })
      expect(response.status).toBe(403)
      bodies.add(await response.text())
    }
    expect(bodies.size).toBe(1)
  })

  it('answers an unknown id with 404, whatever comes after it', async () => {
    for (const path of ['/editor/articles/999999999', '/editor/articles/999999999/revisions']) {
      expect((await editorFetch(path, { session: fx.prober })).status).toBe(404)
    }
  })
})

describe('an author’s own article', () => {
  it('can be previewed and saved while it is a draft', async () => {
    const author = await createUser('author')
    const session = await sessionFor(author)
    const draft = await articleBy(author, 'draft')
    const path = `/editor/articles/${draft.id}`
    const preview = await editorFetch(path, { session, form: articleForm({ intent: 'preview' }) })
    expect(preview.status).toBe(200)
    expect((await editorFetch(path, { session, form: articleForm() })).status).toBe(303)
  })

  it('past review, refuses a save before checking the input against other articles', async () => {
    const author = await createUser('author')
    const session = await sessionFor(author)
    const published = await articleBy(author, 'published')
    const response = await editorFetch(`/editor/articles/${published.id}`, {
      session,
      form: articleForm({ slug: fx.publishedSlug }),
    })
    expect(response.status).toBe(403)
    const page = await html(response)
    expect(page.querySelector('[role="alert"]')?.text).toContain('only an editor can change it now')
    // Their own article: the form comes back as they typed it.
    expect(page.querySelector('input[name="slug"]')?.getAttribute('value')).toBe(fx.publishedSlug)
  })
})

describe('the article form’s buttons', () => {
  it('post only intents the handler knows', async () => {
    const editor = await createUser('editor')
    const session = await sessionFor(editor)
    const rendered = new Set<string>()
    for (const status of ['draft', 'published'] as const) {
      const article = await articleBy(editor, status)
      const page = await html(await editorFetch(`/editor/articles/${article.id}`, { session }))
      for (const button of page.querySelectorAll('button[name="intent"]') as HTMLElement[]) {
        rendered.add(button.getAttribute('value') ?? '')
      }
    }
    expect(rendered.size).toBeGreaterThan(4)
    expect(
      [...rendered].filter((intent) => !(ARTICLE_INTENTS as readonly string[]).includes(intent)),
    ).toEqual([])
  })
})
