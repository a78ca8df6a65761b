// How long a failing feed waits: one cron interval, doubling with each failure, never more than a day.
import { describe, expect, it } from 'vitest'
import { BACKOFF_MAX_MS, nextAttemptAfter } from '../../../src/services/agency-feed-poll'

const MINUTE = 60_000

describe('nextAttemptAfter', () => {
  it('waits 5, 10, 20 and 40 minutes after the first four failures in a row', () => {
    const now = new Date(Date.UTC(2026, 10, 30, 12))
    const waits = [1, 2, 3, 4].map(
      (failures) => (nextAttemptAfter(failures, now).getTime() - now.getTime()) / MINUTE,
    )
    expect(waits).toEqual([5, 10, 20, 40])
  })

  it('never waits more than a day, however long the feed has been down', () => {
    const now = new Date(0)
    expect(nextAttemptAfter(12, now).getTime()).toBe(BACKOFF_MAX_MS)
    expect(nextAttemptAfter(10_000, now).getTime()).toBe(BACKOFF_MAX_MS)
  })
})
