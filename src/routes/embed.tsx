// Embeds for other sites: a story card and a latest list, as iframe documents and as CORS fragments.
import { type Context, Hono } from 'hono'
import { cors } from 'hono/cors'
import { loadEmbedArticle, loadEmbedLatest } from '../db/queries/embed'
import type { AppEnv } from '../env'
import { DEFAULT_EDITION, intlLocale } from '../lib/editions'
import { isInternal } from '../lib/errors'
import { hasCatalogue } from '../lib/i18n/catalogues'
import { ReaderError, translateError } from '../lib/i18n/reader-error'
import { requestUrl } from '../lib/request-url'
import { addCacheTags } from '../middleware/edge-cache'
import { EmbedCard } from '../views/embed/embed-card'
import { EmbedDocument } from '../views/embed/embed-document'
import { EmbedError } from '../views/embed/embed-error'
import { EmbedList, embedListHeading } from '../views/embed/embed-list'
import { baseLanguage, translateEmbed } from '../views/embed/labels'
import { dateLocale, type EmbedPresentation } from '../views/embed/presentation'
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

/**
 * The embed's language: the partner's `lang` when a catalogue speaks it (so the words and the `lang`
 * they are marked with agree), else `fallback`: the story's language, or the list's edition.
 */
function chooseLanguage(c: Context<AppEnv>, fallback: string): string {
  const asked = parseLang(c.req.query('lang'), fallback)
  return hasCatalogue(baseLanguage(asked)) ? asked : fallback
}

function presentationFor(c: Context<AppEnv>, lang: string): EmbedPresentation {
  const { site, editions } = c.var.config
  const edition = editions.find((candidate) => candidate.code === lang)
  return {
    theme: parseTheme(c.req.query('theme')),
    lang,
    // An edition's dates read as on its pages (its region's month names, its digits).
    locale: edition ? intlLocale(edition) : dateLocale(lang),
    site: { name: site.name, origin: siteOrigin(c), timeZone: site.timeZone },
    editionPrefix: c.var.edition.prefix,
  }
}

async function renderCard(c: Context<AppEnv>, shape: Shape) {
  // Checked before the database is asked, as the cache key checks them.
  parseTheme(c.req.query('theme'))
  chooseLanguage(c, c.var.edition.code)
  const result = await loadEmbedArticle(c.var.db, parseArticleSlug(c.req.param('slug') ?? ''))
  switch (result.kind) {
    case 'moved': {
      // Old slugs keep working on partner sites, like the article page's own 301.
      c.header('Cache-Control', 'public, max-age=300')
      const query = requestUrl(c.req.raw).search
      return c.redirect(`${PREFIX[shape]}/embed/articles/${result.slug}${query}`, 301)
    }
    case 'gone':
      throw new ReaderError('GONE', 'problem.storyGone')
    case 'missing':
      throw new ReaderError('NOT_FOUND', 'problem.noStory')
  }
  const { article } = result
  const presentation = presentationFor(c, chooseLanguage(c, article.language))
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
  const { edition } = c.var
  const presentation = presentationFor(c, chooseLanguage(c, edition.code))
  const limit = parseLimit(c.req.query('limit'))
  const category = parseSectionFilter(c.req.query('category'), 'category')
  const tag = parseSectionFilter(c.req.query('tag'), 'tag')
  // An edition's list (`/ar/embed/latest`) shows its own stories, like its home.
  const result = await loadEmbedLatest(c.var.db, { category, tag, limit, language: edition.code })
  if (result.kind === 'unknown-category') throw new ReaderError('NOT_FOUND', 'problem.noCategory')
  if (result.kind === 'unknown-tag') throw new ReaderError('NOT_FOUND', 'problem.noTag')
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

/**
 * Errors keep the embed's shape, so a host page shows one short line instead of our error page, in
 * the language the partner asked for or else the URL's edition's.
 */
const renderError = answerErrorsWith((c, message, error) => {
  const edition = c.var.edition ?? DEFAULT_EDITION
  let lang = edition.code
  try {
    lang = chooseLanguage(c, edition.code)
  } catch {
    // The bad `lang` may be the very error being answered.
  }
  const text = isInternal(error.code)
    ? message
    : translateError(error, {
        t: (key, params) => translateEmbed(lang, key, params),
      })
  const line = <EmbedError message={text} lang={lang} />
  if (c.req.path.startsWith('/fragments/')) return c.html(line)
  return c.html(
    `<!DOCTYPE html>${(
      <EmbedDocument title={text} lang={lang}>
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
