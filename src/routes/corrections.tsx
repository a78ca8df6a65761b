// The public corrections list: `/corrections`, 20 notes a page, and its RSS and Atom feeds.
import { type Context, Hono } from 'hono'
import {
  CORRECTIONS_PAGE_SIZE,
  listRecentCorrections,
  loadCorrectionsPage,
} from '../db/queries/corrections'
import { FEED_SIZE } from '../db/queries/feeds'
import type { AppEnv } from '../env'
import { AppError } from '../lib/errors'
import { addCacheTags } from '../middleware/edge-cache'
import { renderCorrectionsFeed } from '../services/corrections-feed'
import { ATOM_CONTENT_TYPE, type FeedFormat, RSS_CONTENT_TYPE } from '../services/feeds'
import { countPages } from '../views/components/pagination'
import { CorrectionsListPage } from '../views/pages/corrections-list-page'
import { siteChrome, siteOrigin } from './page-context'
import { parsePage } from './sections'

/** As the other feeds: a new note purges these, so the lifetime only caps staleness. */
const FEED_CACHE_CONTROL = 'public, max-age=300'

export const correctionPages = new Hono<AppEnv>()
  .get('/corrections', async (c) => {
    const page = parsePage(c.req.query('page'))
    const data = await loadCorrectionsPage(c.var.db, page) // one batch
    const lastPage = countPages(data.total, CORRECTIONS_PAGE_SIZE)
    if (page > lastPage) throw new AppError('NOT_FOUND', `Corrections has no page ${page}.`)
    addCacheTags(c, 'corrections')
    return c.render(
      <CorrectionsListPage
        chrome={siteChrome(c, {
          navigation: data.navigation,
          lastUpdateAt: data.lastUpdateAt,
          breakingAlert: data.breakingAlert,
        })}
        items={data.items}
        page={page}
        lastPage={lastPage}
        origin={siteOrigin(c)}
      />,
    )
  })
  .get('/corrections/feed.xml', (c) => serveCorrectionsFeed(c, 'rss'))
  .get('/corrections/atom.xml', (c) => serveCorrectionsFeed(c, 'atom'))

async function serveCorrectionsFeed(c: Context<AppEnv>, format: FeedFormat) {
  const items = await listRecentCorrections(c.var.db, FEED_SIZE)
  const { name, language } = c.var.config.site
  const xml = renderCorrectionsFeed(format, items, {
    origin: siteOrigin(c),
    site: { name, language },
    now: new Date(),
  })
  addCacheTags(c, 'corrections')
  return c.body(xml, 200, {
    'Content-Type': format === 'rss' ? RSS_CONTENT_TYPE : ATOM_CONTENT_TYPE,
    'Cache-Control': FEED_CACHE_CONTROL,
  })
}
