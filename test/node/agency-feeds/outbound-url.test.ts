// The SSRF guard: which feed addresses the Worker may fetch, in every spelling an attacker might try.
import { describe, expect, it } from 'vitest'
import { checkOutboundUrl, isPublicIpv6, parseIpv6 } from '../../../src/lib/outbound-url'

const deny = { allowPrivate: false }
const allowed = (url: string) => checkOutboundUrl(url, deny) === null

describe('checkOutboundUrl', () => {
  it('allows public http and https addresses, by name or by IP', () => {
    for (const url of [
      'https://wire.example.com/feed.xml',
      'http://feeds.agency.example/rss?x=1',
      'https://93.184.216.34/feed',
      'https://[2606:4700:4700::1111]/feed',
      'https://wire.example.com:8443/feed',
    ]) {
      expect(allowed(url), url).toBe(true)
    }
  })

  it('refuses every scheme but http and https', () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://wire.example.com/feed',
      'gopher://wire.example.com/',
      'javascript:alert(1)',
      'data:text/xml,<rss/>',
      'ws://wire.example.com/',
    ]) {
      expect(checkOutboundUrl(url, deny), url).toMatch(/Only http/)
    }
  })

  it('refuses text that is not a URL, and URLs carrying credentials', () => {
    expect(checkOutboundUrl('wire.example.com/feed', deny)).toMatch(/not a web address/)
    expect(checkOutboundUrl('https://user:secret@wire.example.com/', deny)).toMatch(/password/)
  })

  it('refuses loopback, private, link-local, CGNAT and other reserved IPv4 ranges', () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://127.8.9.10:8080/',
      'http://0.0.0.0/',
      'http://10.0.0.1/',
      'http://172.16.0.1/',
      'http://172.31.255.255/',
      'http://192.168.1.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.64.0.1/',
      'http://100.127.255.254/',
      'http://192.0.0.8/',
      'http://198.18.0.1/',
      'http://224.0.0.1/',
      'http://255.255.255.255/',
    ]) {
      expect(checkOutboundUrl(url, deny), url).toMatch(/private or local/)
    }
  })

  it('keeps the neighbours of private ranges public', () => {
    for (const url of [
      'http://172.15.0.1/',
      'http://172.32.0.1/',
      'http://100.63.0.1/',
      'http://100.128.0.1/',
      'http://11.0.0.1/',
    ]) {
      expect(allowed(url), url).toBe(true)
    }
  })

  it('refuses IPv4 literals written in decimal, hex, octal or shortened forms', () => {
    for (const url of [
      'http://2130706433/',
      'http://0x7f000001/',
      'http://0x7f.0.0.1/',
      'http://0177.0.0.1/',
      'http://017700000001/',
      'http://127.1/',
      'http://127.0.1/',
      'http://0/',
      'http://3232235777/', // 192.168.1.1
      'http://0xa9fea9fe/', // 169.254.169.254
    ]) {
      expect(checkOutboundUrl(url, deny), url).toMatch(/private or local/)
    }
  })

  it('refuses IPv6 loopback, unique-local, link-local, and IPv4-mapped or embedded private addresses', () => {
    for (const url of [
      'http://[::1]/',
      'http://[::]/',
      'http://[0:0:0:0:0:0:0:1]/',
      'http://[fc00::1]/',
      'http://[fd12:3456:789a::1]/',
      'http://[fe80::1]/',
      'http://[febf::1]/',
      'http://[fec0::1]/',
      'http://[ff02::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:7f00:1]/',
      'http://[::ffff:169.254.169.254]/',
      'http://[::ffff:a9fe:a9fe]/',
      'http://[::127.0.0.1]/',
      'http://[64:ff9b::10.0.0.1]/',
      'http://[2002:c0a8:0101::1]/',
      'http://[2001:db8::1]/',
      'http://[2001:0:4136:e378::1]/',
    ]) {
      expect(checkOutboundUrl(url, deny), url).toMatch(/private or local/)
    }
  })

  it('allows IPv6 that embeds a public IPv4 address', () => {
    expect(allowed('http://[::ffff:93.184.216.34]/')).toBe(true)
    expect(allowed('http://[64:ff9b::93.184.216.34]/')).toBe(true)
  })

  it('refuses names that only mean this machine or a private network, and single-label names', () => {
    for (const url of [
      'http://localhost/',
      'http://LOCALHOST./',
      'http://feeds.localhost/',
      'http://printer.local/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://db.internal/',
      'http://router.home.arpa/',
    ]) {
      expect(checkOutboundUrl(url, deny), url).toMatch(/private or local/)
    }
    expect(checkOutboundUrl('http://intranet/', deny)).toMatch(/full public address/)
  })

  it('allows loopback and private addresses only when local development says so', () => {
    const dev = { allowPrivate: true }
    expect(checkOutboundUrl('http://127.0.0.1:8788/feed.xml', dev)).toBeNull()
    expect(checkOutboundUrl('http://localhost/feed', dev)).toBeNull()
    // The setting opens private networks, never other schemes.
    expect(checkOutboundUrl('file:///etc/passwd', dev)).toMatch(/Only http/)
  })
})

describe('parseIpv6', () => {
  it('expands compressed forms and dotted tails into sixteen bytes', () => {
    expect(parseIpv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
    expect(parseIpv6('::ffff:1.2.3.4')?.slice(10)).toEqual([0xff, 0xff, 1, 2, 3, 4])
    expect(parseIpv6('1:2:3:4:5:6:7:8')).toHaveLength(16)
  })

  it('rejects malformed addresses', () => {
    for (const text of ['1::2::3', '1:2:3:4:5:6:7:8:9', 'g::1', '12345::1', '1:2:3:4:5:6:7']) {
      expect(parseIpv6(text), text).toBeNull()
    }
  })

  it('treats a malformed literal as not public', () => {
    expect(isPublicIpv6(parseIpv6('::1') as number[])).toBe(false)
  })
})
