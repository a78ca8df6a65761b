// Article pages: /news/:slug, with a 301 for old slugs, 410 for archived and 404 for hidden ones.
import { Hono } from 'hono'
import { findPublishedSlug, loadArticlePage } from '../db/queries/article-page'
import type { AppEnv } from '../env'
import { listAlternates } from '../lib/alternates'
import { AppError } from '../lib/errors'
import { requestUrl } from '../lib/request-url'
import { isValidSlug } from '../lib/slug'
import { addCacheTags } from '../middleware/edge-cache'
import { areCommentsClosed } from '../services/comments'
import { signViewToken } from '../services/view-token'
import { POSTED_NOTICES } from '../views/fragments/comment-form'
import { ArticlePage } from '../views/pages/article-page'
import { findEditionByCode, siteChrome, siteOrigin } from './page-context'

export const articlePages = new Hono<AppEnv>()
  /**
   * A stable link by id (used after posting without JavaScript); the slug may change. The comment
   * form's own address answers a GET the same way: a reader whose post was refused is left on it,
   * and reloading or sharing it should find the article, not a 404.
   */
  .on('GET', ['/articles/:id', '/articles/:id/comments'], async (c) => {
    const id = Number(c.req.param('id'))
    const slug = Number.isSafeInteger(id) && id > 0 ? await findPublishedSlug(c.var.db, id) : null
    if (!slug) throw new AppError('NOT_FOUND', 'There is no article at this address.')
    const query = c.req.path.endsWith('/comments') ? '' : requestUrl(c.req.raw).search
    return c.redirect(`/news/${slug}${query}#comments`, 301)
  })
  .get('/news/:slug', async (c) => {
    const slug = c.req.param('slug')
    if (!isValidSlug(slug)) throw new AppError('NOT_FOUND', 'There is no article at this address.')
    const result = await loadArticlePage(c.var.db, slug)
    switch (result.kind) {
      case 'moved':
        return c.redirect(`/news/${result.slug}`, 301)
      case 'gone':
        throw new AppError('GONE', 'This article has been withdrawn and is no longer available.')
      case 'missing':
        throw new AppError('NOT_FOUND', 'There is no article at this address.')
    }
    const { page } = result
    // The page is in its article's edition, whatever the URL: article URLs have no prefix.
    const edition = findEditionByCode(c, page.article.language)
    const chrome = siteChrome(c, {
      navigation: page.navigation,
      lastUpdateAt: page.lastUpdateAt,
      breakingAlert: page.breakingAlert,
      currentCategory: page.article.categorySlug,
      edition,
      translations: Object.fromEntries(
        page.translations.map((version) => [version.language, `/news/${version.slug}`]),
      ),
    })
    const origin = siteOrigin(c)
    const alternates = listAlternates(
      origin,
      page.article,
      page.translations,
      c.var.config.editions[0]?.code ?? edition.code,
    )
    addCacheTags(
      c,
      `article:${page.article.id}`,
      `category:${page.article.categorySlug}`,
      ...page.tags.map((tag) => `tag:${tag.slug}`),
      // The page shows these too, so their edits must purge it.
      ...page.related.map((story) => `article:${story.id}`),
    )
    const { config } = c.var
    const now = new Date()
    // After a post without JavaScript the reader lands here with `?comment=approved|pending`.
    const posted = c.req.query('comment')
    const notice =
      posted === 'approved' || posted === 'pending' ? POSTED_NOTICES[posted] : undefined
    return c.render(
      <ArticlePage
        chrome={chrome}
        page={page}
        origin={origin}
        alternates={alternates}
        commenting={{
          open: !areCommentsClosed(page.article, config.comments.closeAfterDays, now),
          notice,
          turnstileSiteKey: config.turnstile?.siteKey,
        }}
        viewToken={await signViewToken(config.ipHashSalt, page.article.id, now)}
      />,
    )
  })
