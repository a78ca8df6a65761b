// Every first path segment the app routes claim is reserved, so no author or page slug can take it.
import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../../src/app'
import { isReservedSlug } from '../../../src/lib/reserved-slugs'

/** `/news/:slug` → `news`; `/feed.xml` → `feed`; `/:slug` and `*` claim nothing by name. */
function firstSegments(paths: string[]): string[] {
  const names = paths
    .map((path) => path.split('/')[1] ?? '')
    .map((segment) => segment.replace(/[.{].*$/, '').replace(/-[0-9a-f[\]{}]*$/, ''))
    .filter((segment) => segment !== '' && !segment.startsWith(':') && segment !== '*')
  return [...new Set(names)].sort()
}

describe('reserved slugs', () => {
  it('cover the first segment of every route the app mounts', () => {
    const paths = createApp().routes.map((route) => route.path)
    const unreserved = firstSegments(paths).filter((segment) => !isReservedSlug(segment))
    expect(unreserved).toEqual([])
  })

  it('cover every top-level name in public/, which is served before the Worker runs', () => {
    const names = readdirSync(resolve(import.meta.dirname, '../../../public'))
      .filter((name) => !name.startsWith('_'))
      .map((name) => name.replace(/\.[a-z]+$/, ''))
    expect(names).toContain('embed-demo')
    expect(names.filter((name) => !isReservedSlug(name))).toEqual([])
  })

  it('leave ordinary page names free', () => {
    for (const slug of ['about', 'contact', 'corrections-policy', 'privacy']) {
      expect(isReservedSlug(slug)).toBe(false)
    }
  })
})
