// First path segments the app's own routes use; an author or page slug may never take one.

/**
 * Static pages live at `/:slug`, so a page called "search" would hide (or be hidden by) the search
 * page. test/node/lib/reserved-slugs.test.ts checks every route the app mounts is listed here.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'admin',
  'api',
  'articles',
  'assets',
  'atom',
  'author',
  'authors',
  'beacon',
  'category',
  'comments',
  'corrections',
  'css',
  'editor',
  'embed',
  'favicon',
  'favorites',
  'feed',
  'feeds',
  'fragments',
  'health',
  'healthz',
  'images',
  'js',
  'live',
  'login',
  'logout',
  'media',
  'news',
  'oembed',
  'page',
  'pages',
  'robots',
  'rss',
  'search',
  'sitemap',
  'sitemaps',
  'static',
  'tag',
  'tags',
  'vendor',
  'widget',
  'wp-admin',
  'wp-content',
])

export function isReservedSlug(slug: string): boolean {
  return RESERVED_SLUGS.has(slug)
}
