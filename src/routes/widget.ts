// The widget loader under a content-hashed URL, cached for a year; /widget.js is its short-cached twin.
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { sha256Hex } from '../lib/encoding'
import { AppError } from '../lib/errors'

/** The hand-written loader, served as a static asset (public/widget.js) with a 5-minute lifetime. */
export const WIDGET_PATH = '/widget.js'

/** The first 16 hex digits of the loader's SHA-256: its version, and its versioned URL. */
export async function widgetVersion(source: string): Promise<string> {
  return (await sha256Hex(source)).slice(0, 16)
}

/**
 * `/widget-<hash>.js` is the same bytes as /widget.js, for pages that want a year-long cache or a
 * Subresource Integrity pin. No build step: the hash is the file's, computed here. A hash that is
 * no longer current redirects to /widget.js, so an old pinned snippet never breaks a host page.
 */
export const widget = new Hono<AppEnv>().get('/:file{widget-[0-9a-f]+\\.js}', async (c) => {
  const asset = await c.env.ASSETS.fetch(new URL(WIDGET_PATH, c.req.url))
  if (!asset.ok) throw new AppError('UNAVAILABLE', 'The widget script is not available.', 30)
  const source = await asset.text()
  const version = await widgetVersion(source)
  if (c.req.param('file') !== `widget-${version}.js`) {
    c.header('Cache-Control', 'public, max-age=300')
    return c.redirect(WIDGET_PATH, 302)
  }
  // SRI on a cross-origin script needs CORS; the script carries nothing private.
  c.header('Access-Control-Allow-Origin', '*')
  c.header('Content-Type', 'text/javascript; charset=utf-8')
  return c.body(source)
})
