// Which URLs the Worker may fetch on a user's behalf: http(s) to public addresses only (SSRF guard).

/** Why a URL is refused, in words an editor can act on; null when it may be fetched. */
export type OutboundRefusal = string

export interface OutboundPolicy {
  /** Local development only: loopback and private addresses are allowed (never in production). */
  allowPrivate: boolean
}

// Names that only ever mean "this machine" or "this private network", whatever DNS says.
const PRIVATE_SUFFIXES = ['.localhost', '.local', '.internal', '.home.arpa', '.lan', '.intranet']
const PRIVATE_NAMES = new Set([
  'localhost',
  'metadata',
  'metadata.google.internal',
  'instance-data',
])

/**
 * Checks a URL before any request is made to it. The URL parser has already turned every IPv4
 * spelling (`2130706433`, `0x7f.1`, `017700000001`) into dotted form and IPv6 into its compressed
 * form, so the address checks see one spelling; a host that still looks numeric is refused.
 */
export function checkOutboundUrl(raw: string, policy: OutboundPolicy): OutboundRefusal | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return 'This is not a web address. Use one that starts with https://.'
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return 'Only http:// and https:// addresses can be fetched.'
  }
  // Credentials in a URL would be sent to the feed and could end up in logs.
  if (url.username || url.password) return 'Addresses with a user name or password are refused.'
  if (policy.allowPrivate) return null
  const host = url.hostname.toLowerCase().replace(/\.$/, '')
  if (host.startsWith('[')) {
    const bytes = parseIpv6(host.slice(1, -1))
    if (!bytes) return 'This address is not a valid IPv6 address.'
    return isPublicIpv6(bytes) ? null : PRIVATE_MESSAGE
  }
  const v4 = parseDottedIpv4(host)
  if (v4) return isPublicIpv4(v4) ? null : PRIVATE_MESSAGE
  // The parser normalises real IPv4 literals; anything numeric-looking left is an odd spelling.
  if (/^[0-9.]+$/.test(host) || /^0x/i.test(host)) return PRIVATE_MESSAGE
  if (PRIVATE_NAMES.has(host) || PRIVATE_SUFFIXES.some((suffix) => host.endsWith(suffix))) {
    return PRIVATE_MESSAGE
  }
  if (!host.includes('.')) return 'Use the feed’s full public address (a name with a dot in it).'
  return null
}

const PRIVATE_MESSAGE =
  'This address is on a private or local network; only public feeds can be subscribed to.'

/** `a.b.c.d` with each part 0–255, or null. */
function parseDottedIpv4(host: string): number[] | null {
  const parts = host.split('.')
  if (parts.length !== 4) return null
  const bytes = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : Number.NaN))
  return bytes.every((byte) => byte >= 0 && byte <= 255) ? bytes : null
}

/** Whether an IPv4 address is routable on the public internet (no loopback, private, CGNAT…). */
function isPublicIpv4([a, b, c]: number[]): boolean {
  if (a === undefined || b === undefined || c === undefined) return false
  if (a === 0 || a === 10 || a === 127) return false // "this network", private, loopback
  if (a === 100 && b >= 64 && b <= 127) return false // carrier-grade NAT (100.64/10)
  if (a === 169 && b === 254) return false // link-local, where cloud metadata lives
  if (a === 172 && b >= 16 && b <= 31) return false
  if (a === 192 && b === 168) return false
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return false // IETF protocol, TEST-NET-1
  if (a === 198 && (b === 18 || b === 19)) return false // benchmarking
  if (a === 198 && b === 51 && c === 100) return false // TEST-NET-2
  if (a === 203 && b === 0 && c === 113) return false // TEST-NET-3
  return a < 224 // multicast, reserved and broadcast above
}

/** Sixteen bytes from an IPv6 literal (with or without a dotted IPv4 tail), or null. */
export function parseIpv6(text: string): number[] | null {
  let head = text.toLowerCase()
  const tail: number[] = []
  const dotted = head.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/)
  if (dotted) {
    const v4 = parseDottedIpv4(dotted[2] as string)
    if (!v4) return null
    head = `${dotted[1]}${((v4[0] as number) * 256 + (v4[1] as number)).toString(16)}:${((v4[2] as number) * 256 + (v4[3] as number)).toString(16)}`
  }
  const halves = head.split('::')
  if (halves.length > 2) return null
  const groups = (part: string) => (part === '' ? [] : part.split(':'))
  const left = groups(halves[0] as string)
  const right = halves.length === 2 ? groups(halves[1] as string) : []
  const missing = 8 - left.length - right.length
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null
  const all = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right]
  for (const group of all) {
    if (!/^[0-9a-f]{1,4}$/.test(group)) return null
    const value = Number.parseInt(group, 16)
    tail.push(value >> 8, value & 0xff)
  }
  return tail
}

/** Whether an IPv6 address is public; addresses that embed IPv4 are judged by that IPv4. */
export function isPublicIpv6(bytes: number[]): boolean {
  const at = (i: number) => bytes[i] ?? 0
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((byte) => byte === 0)
  const v4 = (from: number) => [at(from), at(from + 1), at(from + 2), at(from + 3)]
  if (zeros(0, 10) && at(10) === 0xff && at(11) === 0xff) return isPublicIpv4(v4(12)) // ::ffff:a.b.c.d
  if (zeros(0, 12)) return false // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
  // 64:ff9b::/96 (NAT64) reaches the embedded IPv4 address.
  if (at(0) === 0 && at(1) === 0x64 && at(2) === 0xff && at(3) === 0x9b && zeros(4, 12)) {
    return isPublicIpv4(v4(12))
  }
  if (at(0) === 0x20 && at(1) === 0x02) return isPublicIpv4(v4(2)) // 6to4 (2002::/16)
  if (at(0) === 0x20 && at(1) === 0x01 && at(2) === 0x0d && at(3) === 0xb8) return false // docs
  if (at(0) === 0x20 && at(1) === 0x01 && at(2) === 0 && at(3) === 0) return false // Teredo
  if ((at(0) & 0xfe) === 0xfc) return false // unique local fc00::/7
  if (at(0) === 0xfe && (at(1) & 0xc0) === 0x80) return false // link-local fe80::/10
  if (at(0) === 0xfe && (at(1) & 0xc0) === 0xc0) return false // site-local fec0::/10
  if (at(0) === 0xff) return false // multicast
  return true
}
