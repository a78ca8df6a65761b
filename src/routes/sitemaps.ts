// The sitemap index, its article, section, tag and Google News files, and robots.txt naming it.
import { type Context, Hono } from 'hono'
import {
  listArticleSitemap,
  listNewsSitemap,
  listTagSitemap,
  loadSectionSitemap,
  loadSitemapFiles,
  NEWS_SITEMAP_WINDOW_MS,
  type SitemapEntry,
} from '../db/queries/sitemaps'
import type { AppEnv } from '../env'
import { listAlternates } from '../lib/alternates'
import { AppError } from '../lib/errors'
import { renderXmlDocument, type XmlElement, createElement as x } from '../lib/xml'
import { articleUrl } from '../services/feeds'
import { siteOrigin } from './page-context'

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'

/** Publishing purges these URLs; the lifetime only caps how stale a missed purge can leave them. */
const SITEMAP_CACHE_CONTROL = 'public, max-age=300'

/** Private areas crawlers have no business in; everything else is public. */
const DISALLOWED_PATHS = ['/editor', '/api', '/fragments']

export const sitemaps = new Hono<AppEnv>()
  .get('/sitemap.xml', async (c) => {
    const origin = siteOrigin(c)
    const files = await loadSitemapFiles(c.var.db)
    const numbered = (kind: string, count: number) =>
      Array.from({ length: count }, (_, index) => `${kind}-${index + 1}.xml`)
    const parts = [
      ...numbered('articles', files.articles),
      'sections.xml',
      ...numbered('tags', files.tags),
      'news.xml',
    ]
    return sendXml(
      c,
      x(
        'sitemapindex',
        { xmlns: SITEMAP_NS },
        parts.map((part) => x('sitemap', {}, x('loc', {}, `${origin}/sitemaps/${part}`))),
      ),
    )
  })
  // Hono matches whole path segments, so the file number is taken from the file name.
  .get('/sitemaps/:file{articles-[1-9][0-9]{0,8}\\.xml}', async (c) => {
    const entries = await listArticleSitemap(c.var.db, fileNumber(c.req.param('file')))
    if (!entries) throw new AppError('NOT_FOUND', 'There is no such sitemap file.')
    const origin = siteOrigin(c)
    return sendXml(
      c,
      urlSet(
        entries.map((entry) => ({
          ...entry,
          loc: articleUrl(origin, entry),
          // Translated articles name every version with xhtml:link, the same pairs as their pages;
          // x-default is the default edition's (SITE_LANGUAGE, which EDITIONS starts with).
          alternates: listAlternates(origin, entry, entry.translations, c.var.config.site.language),
        })),
      ),
    )
  })
  .get('/sitemaps/:file{tags-[1-9][0-9]{0,8}\\.xml}', async (c) => {
    const entries = await listTagSitemap(c.var.db, fileNumber(c.req.param('file')))
    if (!entries) throw new AppError('NOT_FOUND', 'There is no such sitemap file.')
    const origin = siteOrigin(c)
    return sendXml(
      c,
      urlSet(entries.map((entry) => ({ ...entry, loc: sectionUrl(origin, 'tag', entry) }))),
    )
  })
  .get('/sitemaps/sections.xml', async (c) => {
    const origin = siteOrigin(c)
    const sections = await loadSectionSitemap(c.var.db)
    return sendXml(
      c,
      urlSet([
        { loc: `${origin}/`, lastModified: sections.homeLastModified },
        ...sections.categories.map((entry) => ({
          ...entry,
          loc: sectionUrl(origin, 'category', entry),
        })),
        ...sections.pages.map((entry) => ({ ...entry, loc: `${origin}/${entry.slug}` })),
      ]),
    )
  })
  .get('/sitemaps/news.xml', async (c) => {
    const origin = siteOrigin(c)
    const { name } = c.var.config.site
    const entries = await listNewsSitemap(c.var.db, new Date(Date.now() - NEWS_SITEMAP_WINDOW_MS))
    return sendXml(
      c,
      x(
        'urlset',
        { xmlns: SITEMAP_NS, 'xmlns:news': NEWS_NS },
        entries.map((entry) =>
          x(
            'url',
            {},
            x('loc', {}, articleUrl(origin, entry)),
            x(
              'news:news',
              {},
              x(
                'news:publication',
                {},
                x('news:name', {}, name),
                x('news:language', {}, entry.language),
              ),
              x('news:publication_date', {}, entry.publishedAt.toISOString()),
              x('news:title', {}, entry.title),
            ),
          ),
        ),
      ),
    )
  })
  .get('/robots.txt', (c) => {
    const lines = [
      'User-agent: *',
      ...DISALLOWED_PATHS.map((path) => `Disallow: ${path}`),
      'Allow: /',
      '',
      `Sitemap: ${siteOrigin(c)}/sitemap.xml`,
    ]
    c.header('Cache-Control', 'public, max-age=86400')
    return c.text(`${lines.join('\n')}\n`)
  })

function fileNumber(file: string): number {
  return Number(file.replace(/\D/g, ''))
}

function urlSet(
  entries: {
    loc: string
    lastModified: Date | null
    alternates?: { hreflang: string; href: string }[]
  }[],
): XmlElement {
  return x(
    'urlset',
    { xmlns: SITEMAP_NS, 'xmlns:xhtml': XHTML_NS },
    entries.map((entry) =>
      x(
        'url',
        {},
        x('loc', {}, entry.loc),
        entry.lastModified && x('lastmod', {}, entry.lastModified.toISOString()),
        ...(entry.alternates ?? []).map((alternate) =>
          x('xhtml:link', { rel: 'alternate', hreflang: alternate.hreflang, href: alternate.href }),
        ),
      ),
    ),
  )
}

/** Google's namespace for hreflang pairs in sitemaps. */
const XHTML_NS = 'http://www.w3.org/1999/xhtml'

function sectionUrl(origin: string, kind: 'category' | 'tag', entry: SitemapEntry): string {
  return `${origin}/${kind}/${encodeURIComponent(entry.slug)}`
}

function sendXml(c: Context<AppEnv>, root: XmlElement): Response {
  return c.body(renderXmlDocument(root), 200, {
    'Content-Type': 'application/xml; charset=utf-8',
    'Cache-Control': SITEMAP_CACHE_CONTROL,
  })
}
