// Security headers on every route of the router, signed in or not, over http and https, and on errors.

import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { parse } from 'node-html-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { articleTags, tags } from '../../src/db/schema'
import { createPageCache } from '../../src/edge/page-cache'
import { widgetVersion } from '../../src/routes/widget'
import { createUser, sessionFor, tokenFor } from './editor-fixtures'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { NO_CACHE, ORIGIN } from './helpers'

const app = createApp(NO_CACHE)
const TURNSTILE = 'https://challenges.cloudflare.com'
const TURNSTILE_ENV = { TURNSTILE_SITE_KEY: 'site-key', TURNSTILE_SECRET_KEY: 'secret-key' }

/** Every route the router knows; a new one is walked, and held to the defaults, without a list. */
const ROUTES = [
  ...new Map(
    app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => [`${route.method} ${route.path}`, route]),
  ).values(),
]

/** Documents made to be framed by other sites. */
const FRAMEABLE = ['/embed/articles/:slug', '/embed/latest']
/** What other sites may load: the embeds, their fragments, oEmbed and the versioned loader. */
const SHARED = [
  ...FRAMEABLE,
  '/fragments/embed/articles/:slug',
  '/fragments/embed/latest',
  '/oembed',
  '/:file{widget-[0-9a-f]+\\.js}',
  // Photos, which embeds on partner sites and feed readers load.
  '/media/:key/original',
  '/media/:key/:file{[0-9]+\\.[a-z]+}',
]

interface Fixture {
  articleId: number
  articleSlug: string
  tagSlug: string
  widget: string
  session: () => Promise<{ cookie: string; csrf: string }>
  token: string
}
let fixture: Fixture

beforeAll(async () => {
  const tagName = `Headers ${uniqueSuffix()}`
  const article = await insertArticle({ tagNames: [tagName] })
  const source = await (await env.ASSETS.fetch(new URL('/widget.js', ORIGIN))).text()
  // An editor, not an admin: it reaches every newsroom page, and its posts are refused or invalid.
  const editor = await createUser('editor')
  const [tag] = await testDb()
    .select({ slug: tags.slug })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, article.id))
  fixture = {
    articleId: article.id,
    articleSlug: article.slug,
    tagSlug: tag?.slug ?? 'no-tag',
    widget: `widget-${await widgetVersion(source)}.js`,
    session: () => sessionFor(editor),
    token: (await tokenFor(editor, ['articles:read'])).token,
  }
})

/** A concrete URL for a route template, with real ids and slugs so pages render, not just 404. */
function pathFor(template: string): string {
  const path = template.replace(/:([A-Za-z]+)(\{([^}]*)\})?/g, (_, name: string, _p, pattern) => {
    if (name === 'file') return pattern?.startsWith('widget') ? fixture.widget : 'articles-1.xml'
    if (name === 'slug') {
      if (template.startsWith('/category/')) return 'international-news'
      if (template.startsWith('/tag/')) return fixture.tagSlug
      return fixture.articleSlug
    }
    if (name === 'id') return String(fixture.articleId)
    return '1'
  })
  if (path === '/oembed') return `/oembed?url=${encodeURIComponent(`${ORIGIN}/news/x`)}`
  if (path === '/search' || path === '/fragments/search') return `${path}?q=macron`
  return path
}

interface Walk {
  origin?: string
  signedIn?: boolean
  bindings?: Partial<Cloudflare.Env>
}

async function send(route: { method: string; path: string }, walk: Walk): Promise<Response> {
  const url = new URL(pathFor(route.path), walk.origin ?? ORIGIN)
  const headers = new Headers({ Origin: url.origin })
  let form = new URLSearchParams()
  if (walk.signedIn && route.path.startsWith('/editor')) {
    // A fresh session each time: one of the routes is /editor/logout.
    const session = await fixture.session()
    headers.set('Cookie', session.cookie)
    form = new URLSearchParams({ _csrf: session.csrf })
  }
  if (walk.signedIn && route.path.startsWith('/api')) {
    headers.set('Authorization', `Bearer ${fixture.token}`)
  }
  let body: string | undefined
  if (route.method === 'POST' || route.method === 'PUT') {
    const json = route.path.startsWith('/api')
    headers.set('Content-Type', json ? 'application/json' : 'application/x-www-form-urlencoded')
    body = json ? '{}' : form.toString()
  }
  const request = new Request(url, { method: route.method, headers, body, redirect: 'manual' })
  const ctx = createExecutionContext()
  const response = await app.fetch(request, { ...env, ...walk.bindings }, ctx)
  await waitOnExecutionContext(ctx)
  return response
}

function directives(response: Response): Map<string, string[]> {
  const policy = response.headers.get('content-security-policy') ?? ''
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name as string, values]),
  )
}

interface Expected {
  framedAnywhere: boolean
  shared: boolean
  https: boolean
  turnstile: boolean
}

function expectHeaders(response: Response, where: string, expected: Expected) {
  const { headers } = response
  const csp = directives(response)
  const challenge = expected.turnstile && !expected.shared ? [TURNSTILE] : []
  expect(csp.get('default-src'), where).toEqual(["'self'"])
  expect(csp.get('script-src'), where).toEqual(["'self'", ...challenge])
  expect(csp.get('frame-src'), where).toEqual(["'self'", ...challenge])
  expect(csp.get('style-src'), where).toEqual(["'self'"])
  expect(csp.get('connect-src'), where).toEqual(["'self'"])
  expect(csp.get('form-action'), where).toEqual(["'self'"])
  expect(csp.get('base-uri'), where).toEqual(["'self'"])
  expect(csp.get('object-src'), where).toEqual(["'none'"])
  expect(csp.get('frame-ancestors'), where).toEqual(expected.framedAnywhere ? ['*'] : ["'self'"])
  // Editors may show images from any https host (services/editorial-input.ts isImageUrl); the
  // favicon is a data: image in each page (views/assets.ts). An image cannot run script.
  expect(csp.get('img-src'), where).toEqual(["'self'", 'https:', 'data:'])
  expect(csp.has('upgrade-insecure-requests'), where).toBe(expected.https)
  for (const [name, sources] of csp) {
    for (const source of sources) {
      if (name === 'img-src' && source === 'data:') continue
      expect(source, `${where}: ${name}`).not.toMatch(/unsafe|^http:|^data:|^blob:/)
    }
  }
  expect(headers.get('strict-transport-security'), where).toBe(
    expected.https ? 'max-age=31536000; includeSubDomains' : null,
  )
  expect(headers.get('x-content-type-options'), where).toBe('nosniff')
  expect(headers.get('referrer-policy'), where).toBe('strict-origin-when-cross-origin')
  expect(headers.get('cross-origin-opener-policy'), where).toBe('same-origin')
  expect(headers.get('cross-origin-resource-policy'), where).toBe(
    expected.shared ? 'cross-origin' : 'same-origin',
  )
  expect(headers.get('x-frame-options'), where).toBe(expected.framedAnywhere ? null : 'SAMEORIGIN')
  const permissions = (headers.get('permissions-policy') ?? '').split(/,\s*/)
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
    expect(permissions, where).toContain(`${feature}=()`)
  }
  const type = headers.get('content-type') ?? ''
  if (/^text\/html/i.test(type)) expect(type, where).toMatch(/;\s*charset=utf-8/i)
}

/**
 * What the page itself loads must be allowed by its own CSP, or the browser blocks it: scripts,
 * styles and frames from an allowed origin, no inline code or styles, no event-handler attributes.
 */
function expectPageWithinPolicy(markup: string, response: Response, where: string, url: URL) {
  const csp = directives(response)
  const page = url
  const allowed = (directive: string, url: string) => {
    const { origin } = new URL(url, page)
    const sources = csp.get(directive) ?? csp.get('default-src') ?? []
    return sources.includes(origin === page.origin ? "'self'" : origin)
  }
  const document = parse(markup)
  for (const script of document.querySelectorAll('script')) {
    const src = script.getAttribute('src')
    // A JSON-LD block is data, not code: the CSP does not apply to it.
    if (!src)
      expect(script.getAttribute('type'), `${where}: inline script`).toBe('application/ld+json')
    else expect(allowed('script-src', src), `${where}: script ${src}`).toBe(true)
  }
  for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
    const href = link.getAttribute('href') ?? ''
    expect(allowed('style-src', href), `${where}: stylesheet ${href}`).toBe(true)
  }
  for (const frame of document.querySelectorAll('iframe[src]')) {
    const src = frame.getAttribute('src') ?? ''
    expect(allowed('frame-src', src), `${where}: frame ${src}`).toBe(true)
  }
  expect(document.querySelectorAll('style'), `${where}: <style>`).toHaveLength(0)
  for (const element of document.querySelectorAll('*')) {
    const names = Object.keys(element.attributes)
    expect(names, `${where}: <${element.tagName}> style attribute`).not.toContain('style')
    expect(
      names.filter((name) => /^on/i.test(name)),
      `${where}: handler`,
    ).toEqual([])
  }
}

function expectedFor(path: string, walk: Walk): Expected {
  const { protocol, hostname } = new URL(walk.origin ?? ORIGIN)
  return {
    framedAnywhere: FRAMEABLE.includes(path),
    shared: SHARED.includes(path),
    https: protocol === 'https:' && !['localhost', '127.0.0.1'].includes(hostname),
    turnstile: Boolean(walk.bindings?.TURNSTILE_SITE_KEY),
  }
}

async function walkEveryRoute(walk: Walk) {
  const statuses = new Set<number>()
  for (const route of ROUTES) {
    const response = await send(route, walk)
    const where = `${route.method} ${route.path} → ${response.status}`
    expect(response.status, where).toBeLessThan(500)
    statuses.add(response.status)
    expectHeaders(response, where, expectedFor(route.path, walk))
    if (/^text\/html/.test(response.headers.get('content-type') ?? '')) {
      expectPageWithinPolicy(await response.text(), response, where, new URL(walk.origin ?? ORIGIN))
    } else {
      await response.body?.cancel()
    }
  }
  return statuses
}

describe('security headers on every route', () => {
  it(`walks every route of the router (${ROUTES.length})`, () => {
    expect(ROUTES.length).toBeGreaterThan(50)
    const paths = ROUTES.map((route) => route.path)
    // The lists above name real routes; a renamed embed route must not silently lose its policy.
    for (const path of SHARED) expect(paths, path).toContain(path)
  })

  it('sends the site policy, or the embed policy, to a reader over plain http', async () => {
    const statuses = await walkEveryRoute({})
    // Real pages, redirects and refusals were all walked, not just 404s.
    expect([...statuses]).toEqual(expect.arrayContaining([200, 303, 401]))
  })

  it('sends the same policy to a signed-in editor and an API client', async () => {
    const statuses = await walkEveryRoute({ signedIn: true })
    expect([...statuses]).toEqual(expect.arrayContaining([200, 403]))
  })

  it('adds HSTS over https, and lets Turnstile in on site pages only when it is configured', async () => {
    await walkEveryRoute({ origin: 'https://news.example.test', bindings: TURNSTILE_ENV })
  })

  it("loads Turnstile's script on the comment form only when it is configured, and lets it in", async () => {
    const article = { method: 'GET', path: '/news/:slug' }
    const withTurnstile = await send(article, { bindings: TURNSTILE_ENV })
    const scripts = (await withTurnstile.text()).match(/<script[^>]+src="https:[^"]+"/g) ?? []
    expect(scripts).toEqual([`<script src="${TURNSTILE}/turnstile/v0/api.js"`])
    expect(directives(withTurnstile).get('script-src')).toContain(TURNSTILE)
    const without = await send(article, {})
    expect(await without.text()).not.toContain(TURNSTILE)
    expect(directives(without).get('script-src')).toEqual(["'self'"])
  })

  it('never pins HSTS on localhost, even over https', async () => {
    for (const origin of ['http://localhost:8787', 'https://localhost', 'https://127.0.0.1']) {
      for (const path of ['/', '/healthz', '/embed/latest']) {
        const response = await send({ method: 'GET', path }, { origin })
        expect(response.headers.get('strict-transport-security'), origin + path).toBeNull()
        expectHeaders(response, origin + path, expectedFor(path, { origin }))
      }
    }
  })
})

describe('security headers on errors and cache hits', () => {
  const site: Expected = { framedAnywhere: false, shared: false, https: false, turnstile: false }

  async function fetchWith(path: string, init: RequestInit, bindings: Partial<Cloudflare.Env>) {
    const ctx = createExecutionContext()
    const request = new Request(new URL(path, ORIGIN), init)
    const response = await app.fetch(request, { ...env, ...bindings }, ctx)
    await waitOnExecutionContext(ctx)
    return response
  }

  it('sends them with a 404, a refused cross-site post, a 413 and a 503', async () => {
    const cases: [string, RequestInit, Partial<Cloudflare.Env>, number][] = [
      ['/no-such-page', {}, {}, 404],
      [
        `/articles/${fixture.articleId}/comments`,
        { method: 'POST', headers: { Origin: 'https://evil.example' }, body: new FormData() },
        {},
        403,
      ],
      [
        `/articles/${fixture.articleId}/comments`,
        {
          method: 'POST',
          headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: `body=${'x'.repeat(70 * 1024)}`,
        },
        {},
        413,
      ],
      ['/category/international-news', {}, { TURSO_DATABASE_URL: 'http://127.0.0.1:9' }, 503],
      ['/', {}, { IP_HASH_SALT: '' }, 500],
    ]
    for (const [path, init, bindings, status] of cases) {
      const response = await fetchWith(path, init, bindings)
      expect(response.status, path).toBe(status)
      expectHeaders(response, `${path} → ${status}`, site)
      expect(await response.text(), path).toMatch(/<!doctype html>/i)
    }
  })

  it('sends them with a page served from the edge cache', async () => {
    const cache = createPageCache(await caches.open(`headers-${uniqueSuffix()}`))
    const cachedApp = createApp({ openCache: async () => cache })
    const fetchPage = async (path: string) => {
      const ctx = createExecutionContext()
      const response = await cachedApp.fetch(new Request(new URL(path, ORIGIN)), env, ctx)
      await waitOnExecutionContext(ctx)
      return response
    }
    for (const path of [`/news/${fixture.articleSlug}`, `/embed/articles/${fixture.articleSlug}`]) {
      await (await fetchPage(path)).arrayBuffer()
      const hit = await fetchPage(path)
      expect(hit.headers.get('x-cache'), path).toBe('HIT')
      const framed = path.startsWith('/embed/')
      expectHeaders(hit, path, { ...site, framedAnywhere: framed, shared: framed })
    }
  })
})
