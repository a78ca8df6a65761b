// RSS 2.0 and Atom 1.0 feeds for the whole site, each category, each tag and each author.
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../env'
import { AppError } from '../lib/errors'
import {
  ATOM_CONTENT_TYPE,
  type FeedFormat,
  type FeedScope,
  loadFeed,
  RSS_CONTENT_TYPE,
  renderFeed,
} from '../services/feeds'
import { siteOrigin } from './page-context'

/** Feed readers poll often; publishing purges these URLs, so a short lifetime only caps staleness. */
const FEED_CACHE_CONTROL = 'public, max-age=300'

export const feeds = new Hono<AppEnv>()
  .get('/feed.xml', (c) => serveFeed(c, 'rss', { kind: 'site' }))
  .get('/atom.xml', (c) => serveFeed(c, 'atom', { kind: 'site' }))
  .get('/category/:slug/feed.xml', (c) =>
    serveFeed(c, 'rss', { kind: 'category', slug: c.req.param('slug') }),
  )
  .get('/category/:slug/atom.xml', (c) =>
    serveFeed(c, 'atom', { kind: 'category', slug: c.req.param('slug') }),
  )
  .get('/tag/:slug/feed.xml', (c) =>
    serveFeed(c, 'rss', { kind: 'tag', slug: c.req.param('slug') }),
  )
  .get('/tag/:slug/atom.xml', (c) =>
    serveFeed(c, 'atom', { kind: 'tag', slug: c.req.param('slug') }),
  )
  .get('/author/:slug/feed.xml', (c) =>
    serveFeed(c, 'rss', { kind: 'author', slug: c.req.param('slug') }),
  )
  .get('/author/:slug/atom.xml', (c) =>
    serveFeed(c, 'atom', { kind: 'author', slug: c.req.param('slug') }),
  )

async function serveFeed(c: Context<AppEnv>, format: FeedFormat, scope: FeedScope) {
  const { edition } = c.var
  const feed = await loadFeed(c.var.db, scope, edition.code)
  if (!feed) throw new AppError('NOT_FOUND', `There is no such ${scope.kind}.`)
  const { name, tagline } = c.var.config.site
  const language = edition.code
  const xml = renderFeed(format, feed, {
    origin: siteOrigin(c),
    scope,
    site: { name, tagline, language },
    now: new Date(),
  })
  return c.body(xml, 200, {
    'Content-Type': format === 'rss' ? RSS_CONTENT_TYPE : ATOM_CONTENT_TYPE,
    'Cache-Control': FEED_CACHE_CONTROL,
  })
}
