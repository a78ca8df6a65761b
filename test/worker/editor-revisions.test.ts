// Revisions: every save keeps the version it replaced; any two versions compare; an old one restores.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { listRevisionsQuery } from '../../src/db/queries/revisions'
import { articles } from '../../src/db/schema'
import { articleForm, createUser, editorFetch, sessionFor } from './editor-fixtures'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { html } from './helpers'

/** What insertArticle stored, so that only the title, body and tags change between versions. */
const sameDetails = {
  summary: 'A fixture summary.',
  image_url: '/images/placeholders/globe.svg',
  image_alt: 'A globe',
  image_width: '1200',
  image_height: '675',
}

async function saveThreeVersions() {
  const session = await sessionFor(await createUser('editor'))
  const article = await insertArticle({
    bodyMd: 'Line one\nLine two\nLine three',
    tagNames: ['First'],
  })
  const save = (title: string, body: string, tags: string) =>
    editorFetch(`/editor/articles/${article.id}`, {
      session,
      form: articleForm({ ...sameDetails, title, slug: article.slug, body_md: body, tags }),
    })
  expect((await save('Second title', 'Line one\nLine 2\nLine three', 'First, Second')).status).toBe(
    303,
  )
  expect(
    (await save('Third title', 'Line one\nLine 2\nLine three\nLine four', 'Second')).status,
  ).toBe(303)
  return { session, article }
}

describe('article revisions', () => {
  it('keeps the replaced version on every save, and none for a save that changes nothing', async () => {
    const { session, article } = await saveThreeVersions()
    const revisions = await listRevisionsQuery(testDb(), article.id)
    expect(revisions.map((r) => r.title)).toEqual(['Second title', article.title])
    const again = await editorFetch(`/editor/articles/${article.id}`, {
      session,
      form: articleForm({
        ...sameDetails,
        title: 'Third title',
        slug: article.slug,
        body_md: 'Line one\nLine 2\nLine three\nLine four',
        tags: 'Second',
      }),
    })
    expect(again.headers.get('location')).toContain('notice=unchanged')
    expect(await listRevisionsQuery(testDb(), article.id)).toHaveLength(2)
  })

  it('compares any two versions: changed fields, and the body line by line', async () => {
    const { session, article } = await saveThreeVersions()
    const [newest, oldest] = await listRevisionsQuery(testDb(), article.id)
    const page = await html(
      await editorFetch(`/editor/articles/${article.id}/revisions?from=${oldest?.id}&to=current`, {
        session,
      }),
    )
    const rows = page
      .querySelectorAll('.version-diff tbody tr')
      .map((tr) => tr.querySelector('th')?.text)
    expect(rows).toEqual(['Title', 'Tags'])
    expect(
      page.querySelectorAll('.line-diff__removed').map((li) => li.querySelector('del')?.text),
    ).toEqual(['Line two'])
    expect(
      page.querySelectorAll('.line-diff__added').map((li) => li.querySelector('ins')?.text),
    ).toEqual(['Line 2', 'Line four'])
    // Two stored revisions compare just as well.
    const between = await html(
      await editorFetch(
        `/editor/articles/${article.id}/revisions?from=${oldest?.id}&to=${newest?.id}`,
        { session },
      ),
    )
    expect(between.querySelector('#version-diff-heading')?.text).toBe(
      `Revision ${oldest?.id} → Revision ${newest?.id}`,
    )
    expect(
      between.querySelectorAll('.line-diff__added').map((li) => li.querySelector('ins')?.text),
    ).toEqual(['Line 2'])
    // With no choice made, the newest revision is compared with the current version.
    const defaulted = await html(
      await editorFetch(`/editor/articles/${article.id}/revisions`, { session }),
    )
    expect(defaulted.querySelector('#version-diff-heading')?.text).toBe(
      `Revision ${newest?.id} → Current version`,
    )
  })

  it('restores an old version, keeps the slug, and keeps the replaced version as a revision', async () => {
    const { session, article } = await saveThreeVersions()
    const [, oldest] = await listRevisionsQuery(testDb(), article.id)
    const response = await editorFetch(
      `/editor/articles/${article.id}/revisions/${oldest?.id}/restore`,
      {
        session,
        form: {},
      },
    )
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/editor/articles/${article.id}?notice=restored`)
    const [row] = await testDb().select().from(articles).where(eq(articles.id, article.id))
    expect(row).toMatchObject({
      title: article.title,
      bodyMd: 'Line one\nLine two\nLine three',
      slug: article.slug,
    })
    const titles = (await listRevisionsQuery(testDb(), article.id)).map((r) => r.title)
    expect(titles).toEqual(['Third title', 'Second title', article.title])
  })

  it('answers 404 for a revision of another article', async () => {
    const { session } = await saveThreeVersions()
    const other = await insertArticle({ title: `Other ${uniqueSuffix()}` })
    const { article } = await saveThreeVersions()
    const [revision] = await listRevisionsQuery(testDb(), article.id)
    const response = await editorFetch(
      `/editor/articles/${other.id}/revisions/${revision?.id}/restore`,
      {
        session,
        form: {},
      },
    )
    expect(response.status).toBe(404)
  })
})
