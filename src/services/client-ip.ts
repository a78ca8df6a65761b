// The reader's IP address, reduced at once to a salted hash: the raw address is never stored.
import { sha256Hex } from '../lib/encoding'

/** Cloudflare sets CF-Connecting-IP; locally there is none, so everyone shares one bucket. */
export function clientIp(headers: Headers): string {
  return headers.get('cf-connecting-ip') ?? headers.get('x-real-ip') ?? '127.0.0.1'
}

export function hashClientIp(ip: string, salt: string): Promise<string> {
  return sha256Hex(`${salt}:${ip}`)
}
