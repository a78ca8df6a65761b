// The Nu Html Checker (vnu), a judge nobody here wrote, on every main page and every fragment: no error.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AR_REFERENCE_SLUG } from '../../src/cli/seed/arabic-reference'
import { REFERENCE_SLUG } from '../../src/cli/seed/reference-article'
import { approveCommentByBody, insertArticle, insertPendingComment, uniqueSuffix } from './fixtures'
import { e2eStack, launchChromium, openPage, signInAsAdmin } from './harness'
import { type HtmlDocument, validateHtml, wrapFragment } from './vnu'

const stack = e2eStack()
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

const HTMX = { 'HX-Request': 'true' }

/** A page twice: as the server sent it, and as the DOM stands once its scripts have run. */
async function collectPage(page: Page, name: string, path: string): Promise<HtmlDocument[]> {
  const response = await page.goto(`${stack.origin}${path}`, { waitUntil: 'networkidle' })
  if (!response) throw new Error(`no response for ${path}`)
  return [
    { name: `${name} (served)`, html: await response.text() },
    { name: `${name} (after scripts)`, html: await page.content() },
  ]
}

async function getFragment(context: BrowserContext, path: string) {
  const response = await context.request.get(`${stack.origin}${path}`, { headers: HTMX })
  if (!response.ok()) throw new Error(`${path} answered ${response.status()}`)
  return response.text()
}

/** The comment form's htmx answers: the 422 form, a held comment, and a published one. */
async function collectCommentPosts(context: BrowserContext): Promise<HtmlDocument[]> {
  const article = await insertArticle()
  const url = `${stack.origin}/articles/${article.id}/comments`
  const post = (form: Record<string, string>) =>
    context.request.post(url, { headers: { ...HTMX, Origin: stack.origin }, form })
  const invalid = await post({ author_name: '', body: '', idempotency_key: uniqueSuffix() })
  expect(invalid.status()).toBe(422)
  const held = `Held for the validator, ${uniqueSuffix()}.`
  const first = await post({
    author_name: 'Validator',
    body: held,
    idempotency_key: uniqueSuffix(),
  })
  expect(await approveCommentByBody(article.id, held)).toBe(1)
  const second = await post({
    author_name: 'Validator',
    body: `Published for the validator, ${uniqueSuffix()}.`,
    idempotency_key: uniqueSuffix(),
  })
  const published = await second.text()
  expect(published).toContain('<hx-partial')
  return [
    wrapFragment('comment post, invalid', await invalid.text()),
    wrapFragment('comment post, held', await first.text()),
    wrapFragment('comment post, published', published),
  ]
}

describe('HTML validity, judged by the Nu Html Checker', () => {
  it('finds no error in the reader pages, as served and after their scripts ran', async () => {
    const page = await openPage(browser)
    await page.goto(`${stack.origin}/news/${REFERENCE_SLUG}`)
    await page.click('button[data-favorite]')
    const documents = [
      ...(await collectPage(page, 'home', '/')),
      ...(await collectPage(page, 'article', `/news/${REFERENCE_SLUG}`)),
      ...(await collectPage(page, 'search', '/search?q=Macron')),
      ...(await collectPage(page, 'category', '/category/international-news')),
      ...(await collectPage(page, 'favorites', '/favorites')),
      ...(await collectPage(page, 'comments page', `/news/${REFERENCE_SLUG}/comments`)),
      ...(await collectPage(page, 'not found', '/news/no-such-story-anywhere')),
      ...(await collectPage(page, 'Arabic home', '/ar/')),
      ...(await collectPage(page, 'Arabic article', `/news/${AR_REFERENCE_SLUG}`)),
      ...(await collectPage(page, 'French home', '/fr/')),
    ]
    expect(await validateHtml(documents)).toEqual([])
    // Ten pages, each loaded to network idle, then one checker run: more than the default minute
    // on a busy machine.
  }, 120_000)

  it('finds no error in any reader fragment, each wrapped in a minimal document', async () => {
    const page = await openPage(browser)
    const context = page.context()
    await page.goto(`${stack.origin}/news/${REFERENCE_SLUG}`)
    const articleId = await page.getAttribute('article[data-article-id]', 'data-article-id')
    const nextComments = await page.getAttribute('.comments__more a', 'data-hx-get')
    const firstComment = await page.getAttribute('#comments-list > li.comment', 'id')
    const replyTo = firstComment?.replace('comment-', '')
    const documents = [
      wrapFragment('search results', await getFragment(context, '/fragments/search?q=Macron')),
      wrapFragment('search, nothing found', await getFragment(context, '/fragments/search?q=zzzq')),
      // Comment pages are list items; htmx swaps them into the article's <ol>.
      wrapFragment('comments, next page', await getFragment(context, `${nextComments}`), 'ol'),
      wrapFragment(
        'reply form',
        await getFragment(
          context,
          `/fragments/articles/${articleId}/comments/${replyTo}/reply-form`,
        ),
      ),
      wrapFragment(
        'favorites list',
        await getFragment(context, `/fragments/favorites?ids=${articleId}`),
      ),
      wrapFragment('favorites, none', await getFragment(context, '/fragments/favorites')),
      wrapFragment(
        'embed card',
        await getFragment(context, `/fragments/embed/articles/${REFERENCE_SLUG}`),
      ),
      // Not widgets.e2e.test.ts's URL: it checks that one against the database, so it must not be
      // cached here first.
      wrapFragment(
        'embed latest',
        await getFragment(context, '/fragments/embed/latest?category=science&limit=2'),
      ),
      ...(await collectCommentPosts(context)),
    ]
    expect(await validateHtml(documents)).toEqual([])
  })

  it('finds no error in the newsroom: login, the article form and its fragments', async () => {
    const page = await openPage(browser)
    const context = page.context()
    const documents = [...(await collectPage(page, 'editor login', '/editor/login'))]
    await signInAsAdmin(page)
    const article = await insertArticle()
    await insertPendingComment(article.id, `Waiting for a moderator, ${uniqueSuffix()}.`)
    documents.push(
      ...(await collectPage(
        page,
        'editor article form, existing',
        `/editor/articles/${article.id}`,
      )),
      ...(await collectPage(page, 'editor article form', '/editor/articles/new')),
    )
    const [preview] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/editor/preview')),
      page.fill(
        'textarea[name="body_md"]',
        '## A heading\n\nSome **bold** text and a [link](https://example.com).',
      ),
    ])
    documents.push(
      wrapFragment('editor preview', await preview.text()),
      wrapFragment('editor article table', await getFragment(context, '/editor/articles')),
      wrapFragment('editor moderation queue', await getFragment(context, '/editor/comments')),
    )
    expect(await validateHtml(documents)).toEqual([])
  })
})
