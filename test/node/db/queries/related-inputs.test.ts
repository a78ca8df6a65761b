// How a tag's story count is worked out from bounded reads: exact when small, estimated when big.
import { describe, expect, it } from 'vitest'
import { FREQUENCY_SAMPLE } from '../../../../src/db/queries/related'
import { estimateTagFrequency } from '../../../../src/db/queries/related-inputs'

describe('estimateTagFrequency', () => {
  it('counts a tag with fewer stories than the sample exactly, less its unpublished ones', () => {
    expect(estimateTagFrequency({ tagged: 42, sample_low: null, unpublished: 2 }, 10_000)).toBe(40)
  })

  it('extends a big tag’s density over its newest stories to the whole id range', () => {
    // The newest FREQUENCY_SAMPLE stories span the last 1,000 ids: one id in two carries the tag.
    const lastId = 10_000
    const row = { tagged: null, sample_low: lastId - 999, unpublished: 10 }
    expect(FREQUENCY_SAMPLE).toBe(500)
    expect(estimateTagFrequency(row, lastId)).toBe(5_000 - 10)
  })

  it('never gives less than one story, so a weight is always finite', () => {
    expect(estimateTagFrequency({ tagged: 1, sample_low: null, unpublished: 1 }, 5)).toBe(1)
  })
})
