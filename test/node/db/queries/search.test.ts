// Search at scale: a common word ranks only the newest matches, says so, and exact titles still win.
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../../src/db/client'
import {
  loadSearchPage,
  SEARCH_CANDIDATES,
  type SearchResults,
  searchArticles,
} from '../../../../src/db/queries/search'
import { TYPING_CANDIDATES } from '../../../../src/db/queries/search-statements'
import { type ArticleStatus, articles } from '../../../../src/db/schema'
import { toSearchTerms } from '../../../../src/services/search-query'
import { addCategory, freshDb } from '../fresh-db'

const DAY = 86_400_000
const NOW = new Date('2026-11-01T12:00:00Z')
const EXACT_TITLE = 'Harbour workers strike'
const NEWER = SEARCH_CANDIDATES + 20

interface Story {
  slug: string
  title: string
  bodyMd: string
  daysAgo: number
  status?: ArticleStatus
}

async function insertStories(db: Db, stories: Story[]) {
  const categoryId = await addCategory(db, 'news')
  const rows = stories.map((story) => {
    const publishedAt = new Date(NOW.getTime() - story.daysAgo * DAY)
    return {
      ...story,
      categoryId,
      status: story.status ?? 'published',
      publishedAt,
      updatedAt: publishedAt,
    }
  })
  // Oldest first, as a newsroom writes them: ids follow publication.
  rows.sort((a, b) => b.daysAgo - a.daysAgo)
  for (let start = 0; start < rows.length; start += 200) {
    await db.insert(articles).values(rows.slice(start, start + 200))
  }
}

/**
 * One story titled exactly like the query, five years old, and more newer stories that carry the
 * same three words than a search ranks; a few of them in their titles too, and the newest are
 * drafts.
 */
function harbourArchive(): Story[] {
  const stories: Story[] = [
    {
      slug: 'harbour-workers-strike',
      title: EXACT_TITLE,
      bodyMd: 'Dockers walked out at dawn.',
      daysAgo: 5 * 365,
    },
  ]
  for (let n = 0; n < NEWER; n++) {
    stories.push({
      slug: `harbour-${n}`,
      title:
        n % 50 === 0
          ? `Harbour workers strike again as talks over pay fail ${n}`
          : `Port news ${n}`,
      bodyMd: `The harbour workers went on strike, and the harbour workers' strike goes on. ${n}`,
      daysAgo: 1 + (NEWER - n) / 10,
    })
  }
  for (let n = 0; n < 3; n++) {
    const draft = { slug: `harbour-draft-${n}`, title: `Harbour draft ${n}`, daysAgo: 0.1 }
    stories.push({ ...draft, bodyMd: 'harbour workers strike', status: 'draft' })
  }
  return stories
}

async function search(db: Db, query: string, asYouType = false): Promise<SearchResults> {
  const terms = toSearchTerms(query, { asYouType })
  if (asYouType) return searchArticles(db, { terms, page: 1, now: NOW })
  return loadSearchPage(db, { terms, page: 1, now: NOW })
}

describe('searching an archive where a query matches more stories than a search ranks', () => {
  it('still ranks the story titled exactly like the query first, however old', async () => {
    const db = await freshDb()
    await insertStories(db, harbourArchive())
    const results = await search(db, 'harbour workers strike')
    expect(results.capped).toBe(true)
    expect(results.hits[0]?.slug).toBe('harbour-workers-strike')
    // Typed in another case and with punctuation, it is still the same title.
    expect((await search(db, 'HARBOUR workers: strike!')).hits[0]?.slug).toBe(
      'harbour-workers-strike',
    )
  })

  it('ranks only the newest matches, published ones, and says the total is a lower bound', async () => {
    const db = await freshDb()
    await insertStories(db, harbourArchive())
    const results = await search(db, 'harbour')
    expect(results.capped).toBe(true)
    // The newest matches are drafts, which take their place in the window without being shown.
    expect(results.total).toBe(SEARCH_CANDIDATES - 3)
    expect(results.hits).toHaveLength(10)
    for (const hit of results.hits) {
      expect(hit.slug).toMatch(/^harbour-\d+$/)
      expect(Number(hit.slug.split('-')[1])).toBeGreaterThanOrEqual(NEWER - SEARCH_CANDIDATES)
    }
    // Titles that carry the word come before the stories that only mention it.
    expect(results.hits[0]?.title).toMatch(/^Harbour workers strike again/)
  })

  it('counts every match exactly when there are fewer than it ranks', async () => {
    const db = await freshDb()
    await insertStories(db, [
      ...harbourArchive(),
      { slug: 'quokka-1', title: 'Quokka sighted', bodyMd: 'A quokka.', daysAgo: 40 },
      { slug: 'quokka-2', title: 'Zoo news', bodyMd: 'Another quokka.', daysAgo: 30 },
      { slug: 'quokka-3', title: 'Quokka', bodyMd: 'x', daysAgo: 1, status: 'draft' },
    ])
    const results = await search(db, 'quokka')
    expect(results).toMatchObject({ total: 2, capped: false })
    expect(results.hits.map((hit) => hit.slug)).toEqual(['quokka-1', 'quokka-2'])
  })

  it('ranks the newest matches as you type, title matches first', async () => {
    const db = await freshDb()
    await insertStories(db, harbourArchive())
    const results = await search(db, 'harbour work', true)
    expect(results).toMatchObject({ total: TYPING_CANDIDATES, capped: true })
    expect(results.hits[0]?.title).toMatch(/^Harbour workers strike again/)
    expect(results.hits[0]?.titleHighlight.filter((part) => part.match).length).toBeGreaterThan(0)
  })
})
