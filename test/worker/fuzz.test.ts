// Fuzzing every route of the router with generated requests: no 5xx, no leaks, no reflection, no GET writes.

import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { MAX_REQUEST_BODY_BYTES } from '../../src/middleware/body-limit'
import { MEDIA_UPLOAD_BODY_MAX, MEDIA_UPLOAD_PATH } from '../../src/routes/editor/media-paths'
import { createUser, sessionFor, tokenFor } from './editor-fixtures'
import { NO_CACHE, ORIGIN } from './helpers'

const app = createApp(NO_CACHE)
const RUNS = Number(env.FUZZ_RUNS) || 120
const SEED = 20261128
/** Long runs (FUZZ_RUNS) get time in proportion: a signed-in run costs a few milliseconds. */
const TIMEOUT = 20_000 + RUNS * 25

/** Every route the router knows, with its method; new routes are fuzzed without anyone listing them. */
const ROUTES = [
  ...new Map(
    app.routes
      .filter((route) => route.method !== 'ALL' && route.path !== '/*')
      .map((route) => [`${route.method} ${route.path}`, route]),
  ).values(),
]
/** Routes behind a session or a token; fuzzed signed in as well, to reach their validation. */
const PRIVATE_ROUTES = ROUTES.filter(
  (route) => /^\/(editor|api)\//.test(route.path) && route.path !== '/editor/logout',
)

// Whatever the fuzzer sends carries these markers; they must never come back unescaped in HTML.
const MARKERS = ['<fz-x>', '"onfz=', "'onfz="]

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.double().map(String),
  fc.constantFrom(
    '',
    '0',
    '1',
    '-1',
    '-0',
    '1.5',
    '0x1f',
    '1e-7',
    '١٢٣',
    '9007199254740993',
    '9999999999999999999999',
    '1e308',
    'Infinity',
    'NaN',
    '%00',
    '%C3%28',
    '%FF%FE',
    '%E0%A4%A',
    '..%2F..%2Fetc%2Fpasswd',
    "' OR 1=1 --",
    '"; DROP TABLE articles; --',
    'NEAR(a b)',
    '***',
    '((((',
    'javascript:alert(1)',
    '//evil.example/',
    'https://evil.example/x',
    '/editor/..//evil.example',
    '\r\nSet-Cookie: fz=1',
    '\u0000',
    '\uD800',
    '\uFEFF\u202E',
    '2026-02-30T25:61',
    'x'.repeat(5000),
    'é'.repeat(70_000),
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

/** A route's path with its parameters filled, or a path no route may have thought of. */
const path = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('route' as const), segments: segment }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('random' as const),
      prefix: fc.constantFrom(
        '',
        '/news',
        '/fragments',
        '/fragments/embed',
        '/editor',
        '/api/v1',
        '/embed',
        '/sitemaps',
        '/category',
        '/tag',
        '/beacon/view',
        '/articles',
        '/vendor',
      ),
      segments: fc.array(segment, { maxLength: 5 }),
      suffix: fc.constantFrom('', '/', '//', '/..', '/%2e%2e/', '.xml', ';x=1', '%2F'),
    }),
  },
)

const FIELDS = [
  'author_name',
  'body',
  'parent_id',
  'idempotency_key',
  'website',
  'cf-turnstile-response',
  'q',
  'title',
  'slug',
  'summary',
  'body_md',
  'category',
  'tags',
  'byline',
  'image_url',
  'image_alt',
  'publish_at',
  'intent',
  'version',
  'status',
  'language',
  'email',
  'password',
  'next',
  'ids',
  'action',
  'role',
  'name',
  'scopes',
  'cursor',
  'page',
  'limit',
  'url',
  'format',
]
const field = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELDS) }, fc.string())

const JSON_KEYS = ['title', 'slug', 'summary', 'bodyMd', 'category', 'tags', 'byline', 'imageUrl']
const jsonScalar = fc.oneof(
  hostile,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_VALUE, -1, 2 ** 53 + 1),
)
const jsonObject = fc.dictionary(
  fc.constantFrom(...JSON_KEYS, 'publishAt', 'language', 'commentsClosed', 'ids', 'action', 'page'),
  fc.oneof(jsonScalar, fc.array(jsonScalar, { maxLength: 3 })),
)

// Bytes that are not UTF-8: a lone continuation byte, an overlong form, a UTF-16 surrogate.
const INVALID_UTF8 = [0xff, 0xfe, 0xc3, 0x28, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x00]

const body = fc.oneof(
  fc.constant(undefined),
  fc.dictionary(field, hostile).map((fields) => ({ type: 'form' as const, fields })),
  fc
    .record({ fields: fc.dictionary(field, hostile, { maxKeys: 4 }), file: fc.boolean() })
    .map((multipart) => ({ type: 'multipart' as const, ...multipart })),
  fc.jsonValue().map((json) => ({ type: 'json' as const, json })),
  jsonObject.map((json) => ({ type: 'json' as const, json })),
  fc
    .constantFrom(
      '{"unterminated',
      '['.repeat(10_000),
      '{"id":1e400,"parent_id":99999999999999999999,"ids":[1e400]}',
      'body=%E0%A4%A&author_name=%&parent_id=%00',
      'a=1&a=2&a[]=3&__proto__[x]=1&constructor=1',
    )
    .map((text) => ({ type: 'raw' as const, text })),
  fc
    .record({ json: fc.boolean(), prefix: fc.constantFrom('body=', 'title=', '{"title":"') })
    .map((bytes) => ({ type: 'bytes' as const, ...bytes })),
)

const headerValue = fc.oneof(
  hostile.map((value) => value.replace(/[^\x20-\x7e]/g, '').slice(0, 200)),
  fc.constantFrom(
    `__Host-bulletin_session=${'A'.repeat(43)}`,
    'bulletin_session=; __Host-bulletin_session=x',
    'Bearer bt_not-a-real-token',
    'Bearer ',
    'Basic Zm9vOmJhcg==',
    'multipart/form-data',
    'multipart/form-data; boundary=fz',
    'application/json; charset=utf-16',
    'text/plain',
    'W/"fz"',
    'bytes=0-10',
    'eyJhbGciOiJub25lIn0.eyJlbWFpbCI6ImFkbWluQGJ1bGxldGluLmxvY2FsIn0.',
    'x'.repeat(8000),
  ),
)

const headers = fc.record({
  htmx: fc.boolean(),
  accept: fc.constantFrom(undefined, 'application/json', 'text/html', '*/*'),
  // Most requests come from our own pages; the rest test that other sites are refused, not crashed.
  origin: fc.constantFrom('same', 'same', 'same', 'none', 'other', 'null'),
  extra: fc.array(
    fc.tuple(
      fc.constantFrom(
        'Cookie',
        'Authorization',
        'Content-Type',
        'If-None-Match',
        'Accept-Language',
        'CF-Connecting-IP',
        'HX-Target',
        'HX-Current-URL',
        'X-CSRF-Token',
        'Range',
        'Referer',
        'Cf-Access-Jwt-Assertion',
      ),
      headerValue,
    ),
    { maxLength: 3 },
  ),
})

const query = fc.oneof(
  fc.array(
    fc.tuple(
      fc.oneof(
        {
          weight: 4,
          arbitrary: fc.constantFrom(...FIELDS, 'reply_to', 'comment', 'theme', 'lang'),
        },
        fc.string({ maxLength: 10 }),
      ),
      hostile,
    ),
    { maxLength: 4 },
  ),
  fc.constantFrom(
    '%',
    '%zz',
    'q=%FF%FE',
    '=&=&',
    'page=1&page=2',
    '&&&',
    'q=%00',
    'x'.repeat(8000),
  ),
)

const requestSpec = fc.record({
  route: fc.constantFrom(...ROUTES),
  path,
  method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND'),
  useRouteMethod: fc.boolean(),
  query,
  body,
  headers,
})

type Spec = typeof requestSpec extends fc.Arbitrary<infer T> ? T : never

function urlFor(spec: Spec): URL {
  const { path } = spec
  const pathname =
    path.kind === 'route'
      ? pathFor(spec.route.path, [path.segments, path.segments, path.segments])
      : `${path.prefix}/${path.segments.join('/')}${path.suffix}`
  // Set as a pathname, so a leading `//` stays a path and never becomes a host.
  const url = new URL(ORIGIN)
  url.pathname = pathname
  if (typeof spec.query === 'string') url.search = spec.query
  else for (const [name, value] of spec.query) url.searchParams.append(name, value)
  return url
}

async function bodyFor(spec: Spec, headers: Headers): Promise<BodyInit | undefined> {
  const { body } = spec
  if (!body) return undefined
  switch (body.type) {
    case 'form':
      headers.set('Content-Type', 'application/x-www-form-urlencoded')
      return new URLSearchParams(body.fields)
    case 'multipart': {
      const form = new FormData()
      // FormData itself refuses a name ending in a backslash; that is not what is being tested.
      for (const [name, value] of Object.entries(body.fields)) form.append(`${name}_`, value)
      if (body.file) form.append('body', new File(['<fz-x>'], 'fz.html', { type: 'text/html' }))
      // Encoded here, so a generated Content-Type can replace the boundary without a warning.
      const encoded = new Response(form)
      headers.set('Content-Type', encoded.headers.get('content-type') ?? '')
      return encoded.arrayBuffer()
    }
    case 'json':
      headers.set('Content-Type', 'application/json')
      return JSON.stringify(body.json)
    case 'raw':
      headers.set('Content-Type', body.text.startsWith('{') ? 'application/json' : 'text/plain')
      return body.text
    case 'bytes': {
      headers.set(
        'Content-Type',
        body.json ? 'application/json' : 'application/x-www-form-urlencoded',
      )
      const prefix = new TextEncoder().encode(body.prefix)
      return new Uint8Array([...prefix, ...INVALID_UTF8])
    }
  }
}

async function buildRequest(
  spec: Spec,
  credentials?: { cookie: string; csrf: string; token: string },
) {
  const method = spec.useRouteMethod ? spec.route.method : spec.method
  const headers = new Headers({ 'CF-Connecting-IP': '10.250.0.1' })
  const origin = { same: ORIGIN, other: 'https://evil.example', null: 'null', none: undefined }[
    spec.headers.origin
  ]
  if (origin) headers.set('Origin', origin)
  if (spec.headers.htmx) headers.set('HX-Request', 'true')
  if (spec.headers.accept) headers.set('Accept', spec.headers.accept)
  if (credentials) {
    headers.set('Cookie', credentials.cookie)
    headers.set('X-CSRF-Token', credentials.csrf)
    headers.set('Authorization', `Bearer ${credentials.token}`)
  }
  const body = method === 'GET' || method === 'HEAD' ? undefined : await bodyFor(spec, headers)
  // Generated headers go last, so they also replace the ones above: a wrong type, a bad cookie.
  for (const [name, value] of spec.headers.extra) headers.set(name, value)
  return new Request(urlFor(spec), { method, headers, body, redirect: 'manual' })
}

const LEAK =
  /(\n\s+at\s|\.tsx?:\d+|\.js:\d+|SQLITE_|DrizzleQueryError|Failed query|LibsqlError|\bselect\b[^<]{0,80}\bfrom\b|\binsert into\b|TypeError|ReferenceError|RangeError|SyntaxError)/i

async function send(request: Request, bindings: Partial<Cloudflare.Env> = {}) {
  const ctx = createExecutionContext()
  const response = await app.fetch(request, { ...env, ...bindings }, ctx)
  await waitOnExecutionContext(ctx)
  return response
}

async function checkResponse(request: Request, response: Response) {
  const body = await response.text()
  const where = `${request.method} ${request.url.slice(0, 300)} → ${response.status}`
  const path = new URL(request.url).pathname
  // oEmbed's spec answers an unsupported format with 501; every other 5xx must be a clear 503.
  const deliberate501 = response.status === 501 && path === '/oembed'
  if (response.status >= 500 && !deliberate501) {
    expect(response.status, `${where}: ${body.slice(0, 300)}`).toBe(503)
    expect(response.headers.get('retry-after'), where).not.toBeNull()
  }
  expect(body, where).not.toMatch(LEAK)
  if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
    for (const marker of MARKERS)
      expect(body.includes(marker), `${where} reflects ${marker}`).toBe(false)
  }
  // No open redirect: wherever we send a browser, it stays on this site.
  const location = response.headers.get('location')
  if (location !== null) expect(new URL(location, request.url).origin, where).toBe(ORIGIN)
}

describe('fuzzing every route', () => {
  let author: { cookie: () => Promise<{ cookie: string; csrf: string }>; token: string }

  beforeAll(async () => {
    // An author: the least privileged account, so generated posts cannot touch other tests' data.
    const user = await createUser('author')
    author = { cookie: () => sessionFor(user), token: (await tokenFor(user)).token }
  })

  it(`knows the routes it fuzzes (${ROUTES.length})`, () => {
    expect(ROUTES.length).toBeGreaterThan(15)
    expect(ROUTES.map((route) => route.path)).toEqual(
      expect.arrayContaining(['/news/:slug', '/search', '/editor/articles', '/api/v1/articles']),
    )
    expect(PRIVATE_ROUTES.length).toBeGreaterThan(20)
  })

  it(
    'never answers generated requests with a 5xx, a leak, reflected markup or an open redirect',
    async () => {
      await fc.assert(
        fc.asyncProperty(requestSpec, async (spec) => {
          const request = await buildRequest(spec)
          await checkResponse(request.clone(), await send(request))
        }),
        { numRuns: RUNS, seed: SEED },
      )
    },
    TIMEOUT,
  )

  it(
    'holds the same for a signed-in author and an API token on every private route',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          requestSpec,
          fc.constantFrom(...PRIVATE_ROUTES),
          segment,
          async (spec, route, segments) => {
            const session = await author.cookie()
            const request = await buildRequest(
              { ...spec, route, path: { kind: 'route', segments } },
              { ...session, token: author.token },
            )
            await checkResponse(request.clone(), await send(request))
          },
        ),
        { numRuns: RUNS, seed: SEED + 2 },
      )
    },
    TIMEOUT,
  )

  it(
    'never writes to the database on GET or HEAD (a read-only replica refuses writes)',
    async () => {
      await fc.assert(
        fc.asyncProperty(requestSpec, fc.constantFrom('GET', 'HEAD'), async (spec, method) => {
          // A session cookie is left out: a signed-in request extends its session (touchSession),
          // the one write a GET makes by design, which the replica would refuse.
          const extra = spec.headers.extra.filter(([name]) => name !== 'Cookie')
          const request = await buildRequest({
            ...spec,
            headers: { ...spec.headers, extra },
            useRouteMethod: false,
            method,
          })
          const response = await send(request, { TURSO_DATABASE_URL: env.DB_READONLY_URL })
          await checkResponse(request, response)
        }),
        { numRuns: RUNS, seed: SEED + 1 },
      )
    },
    TIMEOUT,
  )

  it('answers a form it cannot parse with a 4xx on every POST route, signed in or not', async () => {
    const posts = ROUTES.filter((route) => route.method === 'POST')
    for (const route of posts) {
      for (const signedIn of [false, true]) {
        const session = await author.cookie()
        const headers = new Headers({
          Origin: ORIGIN,
          // A multipart type without its boundary: the body cannot be parsed at all.
          'Content-Type': 'multipart/form-data',
        })
        if (signedIn) headers.set('Cookie', session.cookie)
        const request = new Request(new URL(pathFor(route.path, ['1']), ORIGIN), {
          method: 'POST',
          headers,
          body: `_csrf=${session.csrf}&body=x`,
        })
        const response = await send(request)
        const where = `${route.path} signedIn=${signedIn}`
        // The beacon reads no body, so a 204 is right there; nothing may be a 5xx.
        expect(response.status, where).toBeLessThan(500)
      }
    }
    const comment = await send(
      new Request(new URL('/articles/1/comments', ORIGIN), {
        method: 'POST',
        headers: { Origin: ORIGIN, 'Content-Type': 'multipart/form-data' },
        body: 'body=x',
      }),
    )
    expect(comment.status).toBe(400)
  })

  it('answers a body over the limit with 413 on every POST and PUT route, with or without a length', async () => {
    const writes = ROUTES.filter((route) => route.method === 'POST' || route.method === 'PUT')
    expect(writes.length).toBeGreaterThan(20)
    for (const route of writes) {
      // Photo uploads have a larger limit of their own (20 MB and the form around it).
      const limit =
        route.path === MEDIA_UPLOAD_PATH ? MEDIA_UPLOAD_BODY_MAX : MAX_REQUEST_BODY_BYTES
      const oversized = `body=${'x'.repeat(limit + 10)}`
      for (const streamed of [false, true]) {
        // A streamed body has no Content-Length, so the limit must count what actually arrives.
        const payload = streamed ? new Blob([oversized]).stream() : oversized
        const request = new Request(new URL(pathFor(route.path, ['1']), ORIGIN), {
          method: route.method,
          headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: payload,
          // @ts-expect-error: workerd needs duplex for a streamed request body, as browsers do
          duplex: 'half',
        })
        const response = await send(request)
        expect(response.status, `${route.method} ${route.path} streamed=${streamed}`).toBe(413)
      }
    }
  })
})
