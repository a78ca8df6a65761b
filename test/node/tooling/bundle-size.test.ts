// The Worker bundle, as `wrangler deploy` builds it, stays within its gzipped budget on every `npm test`.
import { resolve } from 'node:path'
import { expect, it } from 'vitest'
import { measureBundle } from '../../bench/bundle'
import { BUNDLE_BUDGET } from '../../bench/report'

it('keeps the Worker bundle within its gzipped budget (the benchmark reports it too)', () => {
  const { gzipBytes } = measureBundle(resolve(import.meta.dirname, '../../..'))
  expect(gzipBytes).toBeGreaterThan(100 * 1024)
  expect(gzipBytes).toBeLessThanOrEqual(BUNDLE_BUDGET)
}, 120_000)
