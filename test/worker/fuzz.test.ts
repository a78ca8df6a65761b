// Fuzzing every route of the router with generated requests: no 5xx, no leaks, no reflection, no GET writes.

import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { NO_CACHE, ORIGIN } from './helpers'

const app = createApp(NO_CACHE)
const RUNS = Number(env.FUZZ_RUNS) || 120
const SEED = 20261128

/** Every route the router knows, with its method; new routes are fuzzed without anyone listing them. */
const ROUTES = [
  ...new Map(
    app.routes
      .filter((route) => route.method !== 'ALL' && route.path !== '/*')
      .map((route) => [`${route.method} ${route.path}`, route]),
  ).values(),
]

// Whatever the fuzzer sends carries these markers; they must never come back unescaped in HTML.
const MARKERS = ['<fz-x>', '"onfz=', "'onfz="]

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    '0',
    '-1',
    '1.5',
    '9999999999999999999999',
    '1e308',
    'NaN',
    '%00',
    '%C3%28',
    '%FF%FE',
    '..%2F..%2Fetc%2Fpasswd',
    "' OR 1=1 --",
    '"; DROP TABLE articles; --',
    'NEAR(a b)',
    '***',
    '((((',
    'javascript:alert(1)',
    '\u0000',
    '\uD800',
    'x'.repeat(5000),
  ),
  fc.constantFrom(...MARKERS).map((marker) => `a${marker}b`),
)

const segment = fc.oneof(
  fc.constantFrom(
    '1',
    '2',
    '337',
    'kremlin-first-putin-macron-conversation-since-2022',
    'russia',
    'economy',
  ),
  fc.constantFrom('articles-1.xml', 'articles-0.xml', 'news.xml', 'a'.repeat(300)),
  hostile.map((value) => encodeSegment(value)),
)

/** Percent-encodes a path segment; a lone surrogate cannot be encoded, so it becomes its bytes' error. */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value) || 'x'
  } catch {
    return '%ED%A0%80'
  }
}

/** Fills the route's parameters (`:slug`, `:id{…}`) with generated segments. */
function pathFor(template: string, values: string[]): string {
  let index = 0
  return template.replace(/:[A-Za-z]+(\{[^}]*\})?/g, () => values[index++ % values.length] ?? 'x')
}

const query = fc.array(
  fc.tuple(
    fc.constantFrom('q', 'page', 'cursor', 'ids', 'comment', 'limit', 'url', 'format', 'x'),
    hostile,
  ),
  {
    maxLength: 4,
  },
)

const requestSpec = fc.record({
  route: fc.constantFrom(...ROUTES),
  method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
  useRouteMethod: fc.boolean(),
  segments: fc.array(segment, { minLength: 3, maxLength: 3 }),
  query,
  body: fc.oneof(
    fc.constant(undefined),
    fc
      .dictionary(
        fc.constantFrom(
          'author_name',
          'body',
          'parent_id',
          'idempotency_key',
          'website',
          'q',
          'title',
        ),
        hostile,
      )
      .map((fields) => ({ type: 'form' as const, fields })),
    fc.jsonValue().map((json) => ({ type: 'json' as const, json })),
    fc.constant({ type: 'raw' as const, text: '{"unterminated' }),
  ),
  htmx: fc.boolean(),
  accept: fc.constantFrom(undefined, 'application/json', 'text/html', '*/*'),
})

type Spec = typeof requestSpec extends fc.Arbitrary<infer T> ? T : never

function buildRequest(spec: Spec): Request {
  const method = spec.useRouteMethod ? spec.route.method : spec.method
  const url = new URL(pathFor(spec.route.path, spec.segments), ORIGIN)
  for (const [name, value] of spec.query) url.searchParams.append(name, value)
  const headers = new Headers({ Origin: ORIGIN, 'CF-Connecting-IP': '10.250.0.1' })
  if (spec.htmx) headers.set('HX-Request', 'true')
  if (spec.accept) headers.set('Accept', spec.accept)
  let body: BodyInit | undefined
  if (spec.body && method !== 'GET' && method !== 'HEAD') {
    if (spec.body.type === 'form') {
      headers.set('Content-Type', 'application/x-www-form-urlencoded')
      body = new URLSearchParams(spec.body.fields)
    } else if (spec.body.type === 'json') {
      headers.set('Content-Type', 'application/json')
      body = JSON.stringify(spec.body.json)
    } else {
      headers.set('Content-Type', 'application/json')
      body = spec.body.text
    }
  }
  return new Request(url, { method, headers, body })
}

const LEAK =
  /(\n\s+at\s|\.tsx?:\d+|\.js:\d+|SQLITE_|DrizzleQueryError|Failed query|LibsqlError|\bselect\b[^<]{0,80}\bfrom\b|TypeError|ReferenceError)/i

async function send(request: Request, bindings: Partial<Cloudflare.Env> = {}) {
  const ctx = createExecutionContext()
  const response = await app.fetch(request, { ...env, ...bindings }, ctx)
  await waitOnExecutionContext(ctx)
  return response
}

async function checkResponse(request: Request, response: Response) {
  const body = await response.text()
  const where = `${request.method} ${request.url} → ${response.status}`
  if (response.status >= 500) {
    expect(response.status, `${where}: ${body.slice(0, 300)}`).toBe(503)
    expect(response.headers.get('retry-after'), where).not.toBeNull()
  }
  expect(body, where).not.toMatch(LEAK)
  if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
    for (const marker of MARKERS)
      expect(body.includes(marker), `${where} reflects ${marker}`).toBe(false)
  }
}

describe('fuzzing every route', () => {
  it(`knows the routes it fuzzes (${ROUTES.length})`, () => {
    expect(ROUTES.length).toBeGreaterThan(15)
    expect(ROUTES.map((route) => route.path)).toEqual(
      expect.arrayContaining(['/news/:slug', '/search']),
    )
  })

  it('never answers generated requests with a 5xx, a leak or reflected markup', async () => {
    await fc.assert(
      fc.asyncProperty(requestSpec, async (spec) => {
        const request = buildRequest(spec)
        await checkResponse(request.clone(), await send(request))
      }),
      { numRuns: RUNS, seed: SEED },
    )
  })

  it('never writes to the database on GET or HEAD (a read-only replica refuses writes)', async () => {
    await fc.assert(
      fc.asyncProperty(requestSpec, fc.constantFrom('GET', 'HEAD'), async (spec, method) => {
        const request = buildRequest({ ...spec, useRouteMethod: false, method })
        const response = await send(request, { TURSO_DATABASE_URL: env.DB_READONLY_URL })
        await checkResponse(request, response)
      }),
      { numRuns: RUNS, seed: SEED + 1 },
    )
  })

  it('answers a body over the limit with 413 on every POST route', async () => {
    const posts = ROUTES.filter((route) => route.method === 'POST')
    expect(posts.length).toBeGreaterThan(0)
    for (const route of posts) {
      const request = new Request(new URL(pathFor(route.path, ['1']), ORIGIN), {
        method: 'POST',
        headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `body=${'x'.repeat(1024 * 1024 + 10)}`,
      })
      const response = await send(request)
      expect(response.status, route.path).toBe(413)
    }
  })
})
