// Serving library images: fixed-width variants in the negotiated format, and originals with Range.
import { matchesEtag } from '../edge/page-cache'
import { AppError } from '../lib/errors'
import { MEDIA_KEY_PATTERN, MEDIA_WIDTHS, type MediaWidth } from '../lib/media-variants'

export type VariantFormat = 'image/avif' | 'image/webp' | 'image/jpeg'

const EXTENSIONS: Record<VariantFormat, string> = {
  'image/avif': 'avif',
  'image/webp': 'webp',
  'image/jpeg': 'jpg',
}
/** Encoder quality per format: AVIF and WebP look as good as JPEG at a lower number. */
const QUALITY: Record<VariantFormat, number> = {
  'image/avif': 55,
  'image/webp': 75,
  'image/jpeg': 80,
}
export const IMMUTABLE = 'public, max-age=31536000, immutable'
const X_CACHE = 'x-cache'

export interface VariantDeps {
  bucket: R2Bucket
  images: ImagesBinding
  /** The edge cache, when the runtime has one. */
  cache: Cache | undefined
  waitUntil: (promise: Promise<unknown>) => void
  origin: string
}

/** An unknown key is simply not there: the same 404 as a key that was deleted. */
export function checkMediaKey(key: string): void {
  if (!MEDIA_KEY_PATTERN.test(key)) throw new AppError('NOT_FOUND', 'There is no such image.')
}

/** The width from the URL, if it is one of the fixed set; nothing is made at a size made up. */
export function parseWidth(value: string): MediaWidth {
  const width = Number(value)
  const found = MEDIA_WIDTHS.find((w) => String(w) === value && w === width)
  if (!found) {
    throw new AppError('INVALID', `Images come in these widths only: ${MEDIA_WIDTHS.join(', ')}.`)
  }
  return found
}

/** `.avif` and `.webp` are exact; `.jpg` gives the best format the browser says it accepts. */
export function negotiateFormat(extension: string, accept: string | null): VariantFormat {
  if (extension === 'avif') return 'image/avif'
  if (extension === 'webp') return 'image/webp'
  if (extension !== 'jpg') {
    throw new AppError('NOT_FOUND', 'Images are served as .jpg (negotiated), .webp or .avif.')
  }
  const accepted = (accept ?? '').toLowerCase()
  if (accepted.includes('image/avif')) return 'image/avif'
  if (accepted.includes('image/webp')) return 'image/webp'
  return 'image/jpeg'
}

/** Each negotiated format has its own cache key, since the URL the browser asked for is shared. */
export function variantCacheKey(origin: string, key: string, width: number, format: VariantFormat) {
  return `${origin}/media/${key}/${width}.${EXTENSIONS[format]}`
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  const copy = new Response(response.body, response)
  for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value)
  return copy
}

function answer(request: Request, response: Response, xCache: string, vary: boolean): Response {
  const extra: Record<string, string> = { [X_CACHE]: xCache }
  if (vary) extra.Vary = 'Accept'
  if (matchesEtag(request, response.headers.get('etag'))) {
    const headers = new Headers(response.headers)
    headers.delete('content-length')
    headers.delete('content-type')
    for (const [name, value] of Object.entries(extra)) headers.set(name, value)
    void response.body?.cancel()
    return new Response(null, { status: 304, headers })
  }
  return withHeaders(response, extra)
}

async function renderVariant(
  deps: VariantDeps,
  key: string,
  width: MediaWidth,
  format: VariantFormat,
): Promise<Response> {
  const original = await deps.bucket.get(key)
  if (!original) throw new AppError('NOT_FOUND', 'There is no such image.')
  const output = await deps.images
    .input(original.body)
    .transform({ width, fit: 'scale-down' })
    .output({ format, quality: QUALITY[format] })
  const body = await output.response().arrayBuffer()
  return new Response(body, {
    headers: {
      'Content-Type': output.contentType(),
      'Cache-Control': IMMUTABLE,
      'Cache-Tag': `media,media:${key}`,
      ETag: `"${key}-${width}-${EXTENSIONS[format]}"`,
      'Content-Disposition': `inline; filename="${key}-${width}.${EXTENSIONS[format]}"`,
    },
  })
}

/** A variant from the edge cache, or made once from the original and cached for a year. */
export async function serveVariant(
  deps: VariantDeps,
  request: Request,
  path: { key: string; width: string; extension: string },
): Promise<Response> {
  checkMediaKey(path.key)
  const format = negotiateFormat(path.extension, request.headers.get('accept'))
  const width = parseWidth(path.width)
  const negotiated = path.extension === 'jpg'
  const cacheKey = variantCacheKey(deps.origin, path.key, width, format)
  const hit = await deps.cache?.match(cacheKey)
  if (hit) return answer(request, hit, 'HIT', negotiated)
  const fresh = await renderVariant(deps, path.key, width, format)
  if (deps.cache) deps.waitUntil(deps.cache.put(cacheKey, fresh.clone()))
  return answer(request, fresh, 'MISS', negotiated)
}

function unsatisfiable(size: number): Response {
  return new Response('The requested range is outside the image.', {
    status: 416,
    headers: { 'Content-Range': `bytes */${size}` },
  })
}

/** One `bytes=` range (`a-b`, `a-` or `-n`); anything else is ignored, as RFC 9110 allows. */
export function parseRange(header: string | null): R2Range | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '')
  if (!match || (match[1] === '' && match[2] === '')) return undefined
  const [start, end] = [match[1] ?? '', match[2] ?? '']
  if (start === '') return { suffix: Number(end) }
  if (end === '') return { offset: Number(start) }
  if (Number(end) < Number(start)) return undefined
  return { offset: Number(start), length: Number(end) - Number(start) + 1 }
}

/** The stored original, with Range for players and resumable downloads. */
export async function serveOriginal(bucket: R2Bucket, request: Request, key: string) {
  checkMediaKey(key)
  const asked = parseRange(request.headers.get('range'))
  const object = await bucket.get(key, asked ? { range: asked } : undefined).catch(async () => {
    // R2 refuses a range that starts past the end; anything else is not the reader's doing.
    const head = asked ? await bucket.head(key) : null
    if (!head) throw new AppError('UNAVAILABLE', 'The image store did not answer. Try again.')
    return unsatisfiable(head.size)
  })
  if (object instanceof Response) return object
  if (!object) throw new AppError('NOT_FOUND', 'There is no such image.')
  const headers = new Headers({
    'Content-Type': object.httpMetadata?.contentType ?? 'application/octet-stream',
    'Cache-Control': IMMUTABLE,
    'Cache-Tag': `media,media:${key}`,
    ETag: `"${key}-original"`,
    'Accept-Ranges': 'bytes',
  })
  if (matchesEtag(request, headers.get('etag'))) {
    void object.body.cancel()
    return new Response(null, { status: 304, headers })
  }
  if (asked) {
    const start = 'suffix' in asked ? Math.max(0, object.size - asked.suffix) : (asked.offset ?? 0)
    const end = Math.min(
      object.size,
      'length' in asked && asked.length ? start + asked.length : object.size,
    )
    if (start >= object.size || end <= start) {
      void object.body.cancel()
      return unsatisfiable(object.size)
    }
    headers.set('Content-Range', `bytes ${start}-${end - 1}/${object.size}`)
    headers.set('Content-Length', String(end - start))
    return new Response(object.body, { status: 206, headers })
  }
  headers.set('Content-Length', String(object.size))
  return new Response(object.body, { headers })
}

/** Every cached variant of an image, for deleting: each width in each format, and the original. */
export function variantUrls(origin: string, key: string): string[] {
  const formats = Object.keys(EXTENSIONS) as VariantFormat[]
  return MEDIA_WIDTHS.flatMap((width) =>
    formats.map((format) => variantCacheKey(origin, key, width, format)),
  )
}
