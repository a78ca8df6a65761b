// The mixed traffic the heap budget is judged after: mostly hits, some renders, searches, missing pages.
import type autocannon from 'autocannon'
import { BYPASS } from '../render'

const WORDS = ['macron', 'putin', 'economy', 'election', 'storm', 'market', 'health', 'energy']

/**
 * One cycle per connection, about one render in twelve requests: hits on every cached page, a render
 * of each uncached page in turn (an editor's session bypasses the cache), searches for several
 * words, and a page that is not there.
 */
export function mixedRequests(pages: { hits: { path: string }[]; misses: { path: string }[] }) {
  const requests: autocannon.Request[] = []
  for (const [i, word] of WORDS.entries()) {
    for (let repeat = 0; repeat < 4; repeat++) {
      for (const { path } of pages.hits) requests.push({ method: 'GET', path })
    }
    const render = pages.misses[i % pages.misses.length]
    if (render) requests.push({ method: 'GET', path: render.path, headers: BYPASS })
    requests.push({ method: 'GET', path: `/search?q=${word}` })
    requests.push({ method: 'GET', path: `/news/no-such-story-${word}` })
  }
  return requests
}
