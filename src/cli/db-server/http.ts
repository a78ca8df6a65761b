// Bare HTTP plumbing for db-server: bounded JSON bodies in, exact content types out.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ProtocolError } from './protocol'

const MAX_BODY_BYTES = 32 * 1024 * 1024

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new ProtocolError('The request body is too large')
    chunks.push(chunk)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new ProtocolError('The request body is not valid JSON')
  }
}

export function sendJson(res: ServerResponse, status: number, body: object): void {
  // Exactly `application/json`: the client reads error bodies only under that content type.
  send(res, status, 'application/json', JSON.stringify(body))
}

export function send(res: ServerResponse, status: number, type: string, body: string): void {
  if (res.headersSent || res.destroyed) return
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) })
  res.end(body)
}
