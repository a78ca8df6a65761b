// Category and tag pages: `/category/:slug` and `/tag/:slug`, 20 published stories a page.
import { type Context, Hono } from 'hono'
import {
  loadCategoryPage,
  loadTagPage,
  SECTION_PAGE_SIZE,
  type SectionPageData,
} from '../db/queries/sections'
import { PAGE_NUMBER } from '../edge/cache-params'
import type { AppEnv } from '../env'
import { AppError } from '../lib/errors'
import { addCacheTags } from '../middleware/edge-cache'
import { countPages } from '../views/components/pagination'
import { SectionPage } from '../views/pages/section-page'
import { siteChrome, siteOrigin } from './page-context'

/**
 * `?page=` as a whole number from 1; absent means 1. Anything else (`0`, `-1`, `1.5`, `abc`, an
 * absurd length) names a page that does not exist, so it is a 404 rather than an empty page.
 */
export function parsePage(raw: string | undefined): number {
  if (raw === undefined) return 1
  if (!PAGE_NUMBER.test(raw)) throw new AppError('NOT_FOUND', 'There is no such page.')
  return Number(raw)
}

export const sections = new Hono<AppEnv>()
  .get('/category/:slug', async (c) => {
    const page = parsePage(c.req.query('page'))
    const data = await loadCategoryPage(c.var.db, c.req.param('slug'), page, c.var.edition.code)
    if (!data) throw new AppError('NOT_FOUND', 'There is no such section.')
    return renderSection(c, data, page)
  })
  .get('/tag/:slug', async (c) => {
    const page = parsePage(c.req.query('page'))
    const data = await loadTagPage(c.var.db, c.req.param('slug'), page, c.var.edition.code)
    if (!data) throw new AppError('NOT_FOUND', 'There is no such tag.')
    return renderSection(c, data, page)
  })

function renderSection(c: Context<AppEnv>, data: SectionPageData, page: number) {
  const { section, items, total, navigation, lastUpdateAt, breakingAlert } = data
  // An empty section still has a first page, with a "no stories yet" message.
  const lastPage = countPages(total, SECTION_PAGE_SIZE)
  if (page > lastPage) throw new AppError('NOT_FOUND', `${section.name} has no page ${page}.`)
  const currentCategory = section.kind === 'category' ? section.slug : undefined
  addCacheTags(c, `${section.kind}:${section.slug}`)
  return c.render(
    <SectionPage
      chrome={siteChrome(c, { navigation, lastUpdateAt, breakingAlert, currentCategory })}
      section={section}
      items={items}
      page={page}
      lastPage={lastPage}
      origin={siteOrigin(c)}
    />,
  )
}
