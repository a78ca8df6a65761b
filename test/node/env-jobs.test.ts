// parseConfig for cron: the related-list budget and the view retention, with their limits.
import { describe, expect, it } from 'vitest'
import { type Env, parseConfig } from '../../src/env'

const valid = {
  ASSETS: {} as Fetcher,
  TURSO_DATABASE_URL: 'http://127.0.0.1:8080',
  IP_HASH_SALT: 'a-long-enough-salt',
} satisfies Env

describe('parseConfig for cron', () => {
  it('refreshes 200 related lists a run and keeps 30 days of views by default', () => {
    expect(parseConfig(valid).jobs).toEqual({ relatedBatchSize: 200, viewRetentionDays: 30 })
    const set = parseConfig({ ...valid, RELATED_BATCH_SIZE: '50', VIEW_RETENTION_DAYS: '7' })
    expect(set.jobs).toEqual({ relatedBatchSize: 50, viewRetentionDays: 7 })
  })

  it('refuses a budget that is not a whole number from 1 to 1000', () => {
    for (const value of ['0', 'lots', '2.5']) {
      expect(() => parseConfig({ ...valid, RELATED_BATCH_SIZE: value })).toThrow(
        /RELATED_BATCH_SIZE must be a whole number, at least 1/,
      )
    }
    expect(() => parseConfig({ ...valid, RELATED_BATCH_SIZE: '5000' })).toThrow(
      /RELATED_BATCH_SIZE must be at most 1000/,
    )
  })

  it('keeps at least two days of views, which trending reads', () => {
    expect(() => parseConfig({ ...valid, VIEW_RETENTION_DAYS: '1' })).toThrow(
      /VIEW_RETENTION_DAYS must be a whole number, at least 2/,
    )
  })
})
