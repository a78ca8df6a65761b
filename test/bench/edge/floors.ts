// The two floor Workers: the least any Worker, and any cache hit, can cost on the same harness.

/**
 * Answers every request with the page bytes for its path, held in memory: no I/O at all. `PAGES`
 * maps a path to its HTML, `HEADERS` is what Bulletin sends with a hit, so the bytes on the wire
 * match.
 */
export const CONSTANT_WORKER = `
export default {
  fetch(request, env) {
    const body = env.PAGES[new URL(request.url).pathname]
    if (body === undefined) return new Response('no such page', { status: 404 })
    return new Response(body, { headers: env.HEADERS })
  },
}
`

/**
 * Serves the page from caches.default and nothing else; a PUT stores the request's body under its
 * URL first. The same Cache API backend Bulletin's hits read, with none of Bulletin's code.
 */
export const CACHE_FLOOR_WORKER = `
export default {
  async fetch(request, env) {
    const key = new Request(request.url)
    if (request.method === 'PUT') {
      await caches.default.put(key, new Response(request.body, { headers: env.HEADERS }))
      return new Response(null, { status: 204 })
    }
    return (await caches.default.match(key)) ?? new Response('not cached', { status: 404 })
  },
}
`
