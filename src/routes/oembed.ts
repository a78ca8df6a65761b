// The oEmbed provider (oembed.com): a `rich` answer whose html is the story card's iframe.
import { type Context, Hono } from 'hono'
import { cors } from 'hono/cors'
import { type EmbedArticle, loadEmbedArticle } from '../db/queries/embed'
import type { AppEnv } from '../env'
import { AppError } from '../lib/errors'
import { shareImage } from '../lib/media-variants'
import { addCacheTags } from '../middleware/edge-cache'
import { authorName } from '../views/components/article-meta-tags'
import { EmbedIframe } from '../views/embed/embed-iframe'
import { answerErrorsWith } from './embed-errors'
import { parseArticleSlug } from './embed-input'
import { siteOrigin } from './page-context'

/**
 * The card's height at a width (embed.css): the image sits beside the text from 480px and above
 * it, at 16:9, below that. A little taller than measured, since a frame too short cuts the card.
 */
export function cardHeight(width: number): number {
  return width >= 480 ? 200 : Math.ceil((width * 9) / 16) + 200
}

/** The card's size in a 560px column; a consumer's maxwidth and maxheight can only shrink it. */
export const OEMBED_WIDTH = 560
export const OEMBED_HEIGHT = cardHeight(OEMBED_WIDTH)
const MAX_URL_LENGTH = 2048

/** `maxwidth` and `maxheight`: absent, or a whole number of pixels from 1. */
function parseDimension(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw === '') return undefined
  if (!/^[1-9]\d{0,4}$/.test(raw))
    throw new AppError('INVALID', `${name} must be a whole number of pixels.`)
  return Number(raw)
}

/** The slug of an article URL on this site (`/news/<slug>`), or null for any other URL. */
export function articleSlugFromUrl(raw: string, origin: string): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new AppError('INVALID', 'url must be an absolute http or https URL.')
  }
  // http and https name the same story: a consumer may have either form of the link.
  if (url.host !== new URL(origin).host || !/^https?:$/.test(url.protocol)) return null
  return /^\/news\/([^/]+)\/?$/.exec(url.pathname)?.[1] ?? null
}

async function findArticle(c: Context<AppEnv>, slug: string): Promise<EmbedArticle> {
  let result = await loadEmbedArticle(c.var.db, parseArticleSlug(slug))
  // An old link still has a story: answer for the one it redirects to.
  if (result.kind === 'moved') result = await loadEmbedArticle(c.var.db, result.slug)
  if (result.kind !== 'found') throw new AppError('NOT_FOUND', 'There is no story at that url.')
  return result.article
}

export const oembed = new Hono<AppEnv>()
  .use('/oembed', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], maxAge: 86400 }))
  .get('/oembed', async (c) => {
    const format = c.req.query('format') || 'json'
    if (format !== 'json') {
      // The spec's answer for a format the provider does not offer.
      c.header('Cache-Control', 'no-store')
      const message = 'Only format=json is supported.'
      return c.json({ error: { code: 'NOT_IMPLEMENTED', message } }, 501)
    }
    const url = c.req.query('url')
    if (!url) throw new AppError('INVALID', 'The url parameter is required.')
    if (url.length > MAX_URL_LENGTH) throw new AppError('INVALID', 'url is too long.')
    const maxWidth = parseDimension(c.req.query('maxwidth'), 'maxwidth')
    const maxHeight = parseDimension(c.req.query('maxheight'), 'maxheight')
    const origin = siteOrigin(c)
    const slug = articleSlugFromUrl(url, origin)
    if (!slug) throw new AppError('NOT_FOUND', 'There is no story at that url.')
    const article = await findArticle(c, slug)
    addCacheTags(c, `article:${article.id}`)

    const width = Math.min(OEMBED_WIDTH, maxWidth ?? OEMBED_WIDTH)
    const height = Math.min(cardHeight(width), maxHeight ?? Number.POSITIVE_INFINITY)
    const { site } = c.var.config
    const html = EmbedIframe({
      src: `${origin}/embed/articles/${article.slug}`,
      title: `${article.title} | ${site.name}`,
      width,
      height,
    }).toString()
    return c.json({
      version: '1.0',
      type: 'rich',
      provider_name: site.name,
      provider_url: `${origin}/`,
      title: article.title,
      author_name: authorName(article),
      html,
      width,
      height,
      cache_age: 3600,
      ...thumbnail(article, origin, maxWidth, maxHeight),
    })
  })
oembed.onError(answerErrorsWith((c, message) => c.json({ error: { message } })))

/** The spec lets a thumbnail through only within maxwidth and maxheight; we do not resize images. */
function thumbnail(article: EmbedArticle, origin: string, maxWidth?: number, maxHeight?: number) {
  const { imageUrl, imageWidth, imageHeight } = article
  if (!imageUrl || !imageWidth || !imageHeight) return {}
  // A library image is offered at its share width (1200 or less), a fixed variant like any other.
  const image = shareImage(imageUrl, imageWidth, imageHeight)
  const [width, height] = [image.width ?? imageWidth, image.height ?? imageHeight]
  if (width > (maxWidth ?? Infinity) || height > (maxHeight ?? Infinity)) return {}
  return {
    thumbnail_url: new URL(image.path, origin).href,
    thumbnail_width: width,
    thumbnail_height: height,
  }
}
