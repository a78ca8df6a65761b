// First path segments the app's own routes use; an author or page slug may never take one.

/**
 * Static pages live at `/:slug`, so a page called "search" would hide (or be hidden by) the search
 * page, and static assets are served before the Worker runs: `/embed-demo` is public/embed-demo.html.
 * test/node/lib/reserved-slugs.test.ts checks every route the app mounts, and every top-level name
 * in public/, is listed here.
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
  'embed-demo',
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
