// One db-server per test on a fresh temp file, driven by a real web client that counts requests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Client, createClient } from '@libsql/client/web'
import { onTestFinished } from 'vitest'
import { type DbServer, type DbServerOptions, startDbServer } from '../../../src/cli/db-server'

export interface Harness {
  server: DbServer
  /** The database file the server serves, in a temp folder removed after the test. */
  dbPath: string
  client: Client
  /** HTTP requests the client has sent so far. */
  requests(): number
  /** Another client on the same server, as a second Worker isolate would have. */
  openClient(): Client
  /** Posts a raw JSON body (or text, sent as is) to a path on the server. */
  post(path: string, body: unknown): Promise<Response>
  /** Sends raw Hrana requests to `/v2/pipeline` or `/v3/pipeline` and returns the parsed answer. */
  pipeline(baton: string | null, requests: object[], path?: string): Promise<PipelineBody>
}

/** A pipeline answer, typed just enough to pick apart in assertions. */
export interface PipelineBody {
  baton: string | null
  results: { type: 'ok' | 'error'; response?: object; error?: { message: string; code: string } }[]
}

export async function serve(options: Partial<DbServerOptions> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-db-server-'))
  const dbPath = join(dir, 'test.db')
  const server = await startDbServer({
    dbPath,
    port: 0,
    quiet: true,
    ...options,
  })
  let requests = 0
  const clients: Client[] = []
  const openClient = (counting = false) => {
    const client = createClient({
      url: server.url,
      intMode: 'bigint',
      fetch: (input: Request | string, init?: RequestInit) => {
        if (counting) requests++
        return fetch(input, init)
      },
    })
    clients.push(client)
    return client
  }
  const client = openClient(true)
  onTestFinished(async () => {
    for (const c of clients) c.close()
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const post = (path: string, body: unknown) =>
    fetch(new URL(path, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
  return {
    server,
    dbPath,
    client,
    requests: () => requests,
    openClient: () => openClient(),
    post,
    pipeline: async (baton, requests, path = '/v2/pipeline') => {
      const res = await post(path, { baton, requests })
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`)
      return (await res.json()) as PipelineBody
    },
  }
}

/** A raw Hrana statement, as the client would encode it. */
export function stmt(sql: string, args: unknown[] = []) {
  return { sql, args, named_args: [], want_rows: true }
}
