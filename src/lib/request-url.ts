// A request's URL, parsed once: several middlewares read it on every request, cache hits included.
const parsed = new WeakMap<Request, URL>()

/**
 * The parsed URL of `request`, shared by everything that handles it: read it, never change it
 * (copy with `new URL(url)` first). On a cache hit the URL parses of six readers were a twentieth
 * of the Worker's CPU (`npm run bench:profile -- --edge`). A replaced `c.req.raw` is a new Request,
 * so it gets its own parse.
 */
export function requestUrl(request: Request): URL {
  let url = parsed.get(request)
  if (!url) {
    url = new URL(request.url)
    parsed.set(request, url)
  }
  return url
}
