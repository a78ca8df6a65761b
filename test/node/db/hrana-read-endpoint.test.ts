// The direct reader posts where @libsql/client would: the URL's pipeline endpoint, with its token.
import { describe, expect, it } from 'vitest'
import { createReadBatch } from '../../../src/db/hrana-read'

const EMPTY_BATCH = {
  results: [{ type: 'ok', response: { result: { step_results: [], step_errors: [] } } }],
}

/** The request the reader sends for `config`, answered with an empty batch and kept. */
async function requestFor(config: { url: string; authToken?: string }) {
  const sent: Request[] = []
  const read = createReadBatch(config, async (request) => {
    sent.push(request)
    return Response.json(EMPTY_BATCH)
  })
  await read([])
  const [request] = sent
  if (!request) throw new Error('no request was sent')
  return request
}

describe('the direct reader’s endpoint', () => {
  it('sends a libsql: URL over https, with the token as a bearer', async () => {
    const request = await requestFor({
      url: 'libsql://news-org.turso.io',
      authToken: 'secret-token',
    })
    expect(request.method).toBe('POST')
    expect(request.url).toBe('https://news-org.turso.io/v2/pipeline')
    expect(request.headers.get('authorization')).toBe('Bearer secret-token')
  })

  it('keeps an http: URL and its port, and sends no token when there is none', async () => {
    const request = await requestFor({ url: 'http://127.0.0.1:8080' })
    expect(request.url).toBe('http://127.0.0.1:8080/v2/pipeline')
    expect(request.headers.has('authorization')).toBe(false)
  })

  it('takes a token given in the URL, as the client does', async () => {
    const request = await requestFor({ url: 'libsql://news-org.turso.io?authToken=from-url' })
    expect(request.headers.get('authorization')).toBe('Bearer from-url')
  })

  it('refuses a URL the HTTP client refuses', () => {
    expect(() => createReadBatch({ url: 'file:///var/news.db' }, fetch)).toThrow(/file:/)
  })
})
