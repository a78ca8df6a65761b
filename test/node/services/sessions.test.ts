// Session tokens and cookies: random, hashed, constant-time compared, and named by where they live.
import { describe, expect, it } from 'vitest'
import {
  constantTimeEqual,
  hashToken,
  randomToken,
  sessionCookieFor,
} from '../../../src/services/sessions'

describe('sessions', () => {
  it('makes 32-byte base64url tokens, never the same twice, stored as SHA-256 hex', async () => {
    const tokens = new Set(Array.from({ length: 100 }, () => randomToken()))
    expect(tokens.size).toBe(100)
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const [first] = tokens
    expect(await hashToken(first as string)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('uses __Host- and Secure everywhere but plain-http localhost', () => {
    expect(sessionCookieFor('https://news.example.com/editor')).toEqual({
      name: '__Host-bulletin_session',
      secure: true,
    })
    expect(sessionCookieFor('http://bulletin.test/editor')).toEqual({
      name: '__Host-bulletin_session',
      secure: true,
    })
    expect(sessionCookieFor('https://localhost/editor')).toEqual({
      name: '__Host-bulletin_session',
      secure: true,
    })
    for (const local of [
      'http://localhost:8787/editor',
      'http://127.0.0.1:8787/',
      'http://[::1]:8787/',
    ]) {
      expect(sessionCookieFor(local)).toEqual({ name: 'bulletin_session', secure: false })
    }
  })

  it('compares secrets of any length without throwing', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true)
    expect(constantTimeEqual('abc', 'abd')).toBe(false)
    expect(constantTimeEqual('abc', 'abcd')).toBe(false)
    expect(constantTimeEqual('', 'a')).toBe(false)
    expect(constantTimeEqual('a', '')).toBe(false)
  })
})
