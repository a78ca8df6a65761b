// Embeds for other sites: a story card and a latest list, as iframe documents and as CORS fragments.
import { type Context, Hono } from 'hono'
import { cors } from 'hono/cors'
import { loadEmbedArticle, loadEmbedLatest } from '../db/queries/embed'
import type { AppEnv } from '../env'
import { AppError } from '../lib/errors'
import { addCacheTags } from '../middleware/edge-cache'
import { EmbedCard } from '../views/embed/embed-card'
import { EmbedDocument } from '../views/embed/embed-document'
import { EmbedError } from '../views/embed/embed-error'
import { EmbedList, embedListHeading } from '../views/embed/embed-list'
import type { EmbedPresentation } from '../views/embed/presentation'
import { answerErrorsWith } from './embed-errors'
import {
  parseArticleSlug,
  parseLang,
  parseLimit,
  parseSectionFilter,
  parseTheme,
} from './embed-input'
import { siteOrigin } from './page-context'

/**
 * Any site may read a fragment, but never with the reader's credentials: `*` cannot be combined
 * with cookies, which embeds neither set nor read. The headers are the ones htmx 2 and 4 send.
 */
const EMBED_CORS = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD', 'OPTIONS'],
  allowHeaders: [
    'HX-Request',
    'HX-Source',
    'HX-Current-URL',
    'HX-Target',
    'HX-Trigger',
    'HX-Trigger-Name',
    'HX-Boosted',
    'HX-Request-Type',
    'HX-History-Restore-Request',
  ],
  maxAge: 86400,
})

type Shape = 'document' | 'fragment'
const PREFIX: Record<Shape, string> = { document: '', fragment: '/fragments' }

function presentationFor(c: Context<AppEnv>): EmbedPresentation {
  const { site } = c.var.config
  return {
    theme: parseTheme(c.req.query('theme')),
    lang: parseLang(c.req.query('lang'), site.language),
    site: { name: site.name, origin: siteOrigin(c), timeZone: site.timeZone },
  }
}

async function renderCard(c: Context<AppEnv>, shape: Shape) {
  const presentation = presentationFor(c)
  const result = await loadEmbedArticle(c.var.db, parseArticleSlug(c.req.param('slug') ?? ''))
  switch (result.kind) {
    case 'moved': {
      // Old slugs keep working on partner sites, like the article page's own 301.
      c.header('Cache-Control', 'public, max-age=300')
      const query = new URL(c.req.url).search
      return c.redirect(`${PREFIX[shape]}/embed/articles/${result.slug}${query}`, 301)
    }
    case 'gone':
      throw new AppError('GONE', 'This story has been withdrawn.')
    case 'missing':
      throw new AppError('NOT_FOUND', 'There is no story at this address.')
  }
  const { article } = result
  addCacheTags(c, `article:${article.id}`, `category:${article.categorySlug}`)
  const card = <EmbedCard article={article} presentation={presentation} />
  if (shape === 'fragment') return c.html(card)
  return c.render(
    <EmbedDocument
      title={`${article.title} | ${presentation.site.name}`}
      lang={presentation.lang}
      canonicalUrl={new URL(`/news/${article.slug}`, presentation.site.origin).href}
    >
      {card}
    </EmbedDocument>,
  )
}

async function renderLatest(c: Context<AppEnv>, shape: Shape) {
  const presentation = presentationFor(c)
  const limit = parseLimit(c.req.query('limit'))
  const category = parseSectionFilter(c.req.query('category'), 'category')
  const tag = parseSectionFilter(c.req.query('tag'), 'tag')
  const result = await loadEmbedLatest(c.var.db, { category, tag, limit })
  if (result.kind === 'unknown-category')
    throw new AppError('NOT_FOUND', 'There is no such category.')
  if (result.kind === 'unknown-tag') throw new AppError('NOT_FOUND', 'There is no such tag.')
  addCacheTags(
    c,
    // An unfiltered list changes with any story; the purge service sends `latest` for every one.
    ...(category ? [`category:${category}`] : tag ? [] : ['latest']),
    ...(tag ? [`tag:${tag}`] : []),
    ...result.items.map((story) => `article:${story.id}`),
  )
  const list = <EmbedList {...result} presentation={presentation} />
  if (shape === 'fragment') return c.html(list)
  return c.render(
    <EmbedDocument title={embedListHeading({ ...result, presentation })} lang={presentation.lang}>
      {list}
    </EmbedDocument>,
  )
}

/** Errors keep the embed's shape, so a host page shows one short line instead of our error page. */
const renderError = answerErrorsWith((c, message) => {
  const lang = c.var.config?.site.language ?? 'en'
  const line = <EmbedError message={message} lang={lang} />
  if (c.req.path.startsWith('/fragments/')) return c.html(line)
  return c.html(
    `<!DOCTYPE html>${(
      <EmbedDocument title={message} lang={lang}>
        {line}
      </EmbedDocument>
    )}`,
  )
})

export const embeds = new Hono<AppEnv>()
  .use('/fragments/embed/*', EMBED_CORS)
  .get('/embed/articles/:slug', (c) => renderCard(c, 'document'))
  .get('/fragments/embed/articles/:slug', (c) => renderCard(c, 'fragment'))
  .get('/embed/latest', (c) => renderLatest(c, 'document'))
  .get('/fragments/embed/latest', (c) => renderLatest(c, 'fragment'))
embeds.onError(renderError)
