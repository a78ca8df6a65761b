// Posting comment forms in Worker tests, as a browser would, and reading what was stored.
import { createExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { createApp } from '../../src/app'
import { comments } from '../../src/db/schema'
import type { Env } from '../../src/env'
import { testDb, uniqueSuffix } from './fixtures'
import { NO_CACHE, ORIGIN } from './helpers'

export interface PostOptions {
  htmx?: boolean
  ip?: string
  env?: Partial<Env>
}

/** Posts a comment form the way a browser would: same-origin, urlencoded, from one reader's IP. */
export async function post(
  articleId: number,
  fields: Record<string, string>,
  options: PostOptions = {},
) {
  const headers: Record<string, string> = {
    Origin: ORIGIN,
    'Content-Type': 'application/x-www-form-urlencoded',
    'CF-Connecting-IP': options.ip ?? `10.0.0.${Math.floor(Math.random() * 250)}`,
  }
  if (options.htmx) headers['HX-Request'] = 'true'
  const request = new Request(`${ORIGIN}/articles/${articleId}/comments`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(fields),
    redirect: 'manual',
  })
  return createApp(NO_CACHE).fetch(request, { ...env, ...options.env }, createExecutionContext())
}

export async function storedComments(articleId: number) {
  return testDb().select().from(comments).where(eq(comments.articleId, articleId))
}

/** A browser-made idempotency key, unique to one form. */
export const key = () => `key-${uniqueSuffix()}-${uniqueSuffix()}`
