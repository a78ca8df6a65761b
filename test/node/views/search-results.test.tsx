// The search results count: exact when every match was ranked, an honest lower bound when not.
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { SearchResults, type SearchResultsProps } from '../../../src/views/fragments/search-results'

function countLine(props: Partial<SearchResultsProps>): string | undefined {
  const results: SearchResultsProps = {
    query: 'harbour',
    hits: [],
    total: 0,
    capped: false,
    page: 1,
    lastPage: 1,
    pageSize: 10,
    timeZone: 'UTC',
    ...props,
  }
  const html = parse(String(<SearchResults {...results} />))
  return html.querySelector('.search-results__count')?.text.replace(/\s+/g, ' ').trim()
}

describe('the search results count', () => {
  it('states the exact number when every match was ranked', () => {
    expect(countLine({ total: 1 })).toBe('1 result for “harbour”')
    expect(countLine({ total: 23, lastPage: 3, page: 2 })).toBe(
      '23 results for “harbour” · page 2 of 3',
    )
  })

  it('says only the newest matches were ranked when there are more', () => {
    expect(countLine({ total: 500, capped: true, lastPage: 50 })).toBe(
      '500+ results for “harbour” · the newest 500, best first · page 1 of 50',
    )
  })
})
