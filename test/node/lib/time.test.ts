// Times in the site's zone: the schedule field both ways across daylight saving, and page timestamps.
import { describe, expect, it } from 'vitest'
import {
  formatDateTime,
  formatFooterStamp,
  formatLongDate,
  fromZonedInputValue,
  toZonedInputValue,
} from '../../../src/lib/time'

describe('site time zone conversions', () => {
  it('reads a datetime-local value as a time in the zone', () => {
    expect(fromZonedInputValue('2031-01-15T09:30', 'Asia/Beirut')?.toISOString()).toBe(
      '2031-01-15T07:30:00.000Z',
    )
    expect(fromZonedInputValue('2031-07-15T09:30', 'Asia/Beirut')?.toISOString()).toBe(
      '2031-07-15T06:30:00.000Z',
    )
    expect(fromZonedInputValue('2031-07-15T09:30', 'UTC')?.toISOString()).toBe(
      '2031-07-15T09:30:00.000Z',
    )
  })

  it('honours the wall time on both sides of a daylight-saving change', () => {
    // New York moves from UTC-5 to UTC-4 at 2 a.m. on 9 March 2031.
    expect(fromZonedInputValue('2031-03-09T01:30', 'America/New_York')?.toISOString()).toBe(
      '2031-03-09T06:30:00.000Z',
    )
    expect(fromZonedInputValue('2031-03-09T03:30', 'America/New_York')?.toISOString()).toBe(
      '2031-03-09T07:30:00.000Z',
    )
  })

  it('round-trips a moment through the input value', () => {
    const at = new Date('2031-10-05T17:45:00Z')
    const value = toZonedInputValue(at, 'Asia/Beirut')
    expect(value).toBe('2031-10-05T20:45')
    expect(fromZonedInputValue(value, 'Asia/Beirut')?.getTime()).toBe(at.getTime())
  })

  it('refuses values that are not a real date and time', () => {
    for (const bad of [
      '',
      'tomorrow',
      '2031-02-30T10:00',
      '2031-13-01T10:00',
      '2031-01-01T24:00',
      '2031-01-01 10:00',
    ]) {
      expect(fromZonedInputValue(bad, 'Asia/Beirut')).toBeNull()
    }
  })
})

describe('formatted timestamps', () => {
  it('formats a moment by its zone and language, also when the text was formatted before', () => {
    const moment = new Date('2026-11-28T23:30:00Z')
    for (let round = 0; round < 2; round++) {
      expect(formatDateTime(moment, 'Europe/London')).toBe('28 Nov 2026, 23:30')
      expect(formatDateTime(moment, 'Asia/Beirut')).toBe('29 Nov 2026, 01:30')
      expect(formatDateTime(moment, 'Europe/London', 'en-US')).toBe('Nov 28, 2026, 23:30')
      expect(formatDateTime(new Date(moment.getTime() + 60_000), 'Europe/London')).toBe(
        '28 Nov 2026, 23:31',
      )
    }
  })

  it('gives the masthead date and the footer stamp of each minute, whatever was formatted before', () => {
    const moment = new Date('2026-11-28T23:59:30Z')
    const nextMinute = new Date('2026-11-29T00:00:05Z')
    for (let round = 0; round < 2; round++) {
      expect(formatLongDate(moment, 'Europe/London')).toBe('Saturday, 28 November 2026')
      expect(formatLongDate(nextMinute, 'Europe/London')).toBe('Sunday, 29 November 2026')
      expect(formatLongDate(moment, 'Asia/Beirut')).toBe('Sunday, 29 November 2026')
      expect(formatFooterStamp(moment, 'Europe/London')).toEqual({
        day: '28-11-2026',
        time: '23:59',
      })
      expect(formatFooterStamp(nextMinute, 'Europe/London')).toEqual({
        day: '29-11-2026',
        time: '00:00',
      })
      expect(formatFooterStamp(moment, 'Asia/Beirut', 'ar-EG')).toEqual({
        day: '٢٩-١١-٢٠٢٦',
        time: '٠١:٥٩',
      })
    }
  })
})
