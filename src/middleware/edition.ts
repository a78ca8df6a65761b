// Which edition a request reads: its path prefix (`/ar/…`), the default edition otherwise.
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { getPath } from 'hono/utils/url'
import type { AppEnv, Env } from '../env'
import { type Edition, findEditionOfPath } from '../lib/editions'
import { requestUrl } from '../lib/request-url'

/**
 * The pages each edition has of its own, as paths of the default edition. Under a prefix anything
 * else is a 404: articles keep one URL (`/news/<slug>`) whatever their edition, and the newsroom,
 * the API and media have none.
 */
const EDITION_PATHS = [
  /^\/$/,
  /^\/(category|tag)\/[^/]+(\/(feed|atom)\.xml)?$/,
  /^\/(fragments\/)?search$/,
  /^\/(feed|atom)\.xml$/,
  /^\/sitemap\.xml$/,
  /^\/sitemaps\/[^/]+\.xml$/,
  /^\/(fragments\/)?favorites$/,
  /^\/(fragments\/)?embed\/latest$/,
]

/**
 * Hono's `getPath`: routes see a prefixed request without its prefix (`/ar/category/x` is
 * `/category/x`), so each reader route serves every edition. Only EDITIONS' codes are read, so it
 * stays a few string tests per request; the edge cache keys on the full URL, prefix included.
 */
export function stripEditionPrefix(request: Request, options?: { env?: Env }): string {
  const path = getPath(request)
  return findEditionOfPath(prefixesOf(options?.env?.EDITIONS ?? ''), path)?.rest ?? path
}

/** The last EDITIONS read and its prefixes: the setting is the same on every request. */
let lastPrefixes: { editions: string; prefixes: { prefix: string }[] } | undefined

/** The non-default editions' path prefixes (`/ar`), from the EDITIONS setting's codes. */
function prefixesOf(editions: string): { prefix: string }[] {
  if (lastPrefixes?.editions !== editions) {
    const codes = editions
      .trim()
      .split(/[\s,]+/)
      .slice(1)
    const prefixes = codes.map((entry) => ({ prefix: `/${entry.split(':')[0]}` }))
    lastPrefixes = { editions, prefixes }
  }
  return lastPrefixes.prefixes
}

/** The edition of this request's URL, from the configured editions. */
function findRequestEdition(c: Context<AppEnv>): Edition {
  const { editions } = c.var.config
  const path = requestUrl(c.req.raw).pathname
  return findEditionOfPath(editions, path)?.edition ?? (editions[0] as Edition)
}

/** Puts the edition on c.var; a prefixed path that no edition page answers is a 404. */
export const withEdition = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const edition = findRequestEdition(c)
    // Set first, so that the 404 itself is in the edition's language.
    c.set('edition', edition)
    if (edition.prefix && !EDITION_PATHS.some((pattern) => pattern.test(c.req.path))) {
      return c.notFound()
    }
    await next()
  })
