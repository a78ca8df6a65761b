// Arabic search: words match with or without tashkeel and whatever the hamza form; editions apart.
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../../src/db/client'
import {
  loadSearchPage,
  type SearchResults,
  searchArticles,
} from '../../../../src/db/queries/search'
import { articles } from '../../../../src/db/schema'
import { toSearchTerms } from '../../../../src/services/search-query'
import { addCategory, freshDb } from '../fresh-db'

const NOW = new Date('2026-11-01T12:00:00Z')
const DAY = 86_400_000

interface Story {
  slug: string
  title: string
  summary?: string
  bodyMd?: string
  language: string
}

const STORIES: Story[] = [
  {
    slug: 'vocalised',
    title: 'مُفاوَضاتٌ جديدة حول المِلَفّ النووي',
    bodyMd: 'أجرى الرئيسُ اتصالًا هاتفيًّا بنظيره، في خطوة تُعدّ الأولى منذ عامين.',
    language: 'ar',
  },
  {
    slug: 'hamza-forms',
    title: 'ايران تستضيف مؤتمرًا عن الطاقة في آسيا',
    summary: 'قال مسؤول في المستشفى إن الأمر سيُناقَش لاحقًا.',
    bodyMd: 'وأعلنت الحكومة الإيرانية أن المؤتمر سيُعقد في الخريف.',
    language: 'ar',
  },
  {
    slug: 'bare',
    title: 'مفاوضات في جنيف',
    bodyMd: 'نص بلا تشكيل عن إيران، الطاقه، مستشفي جديد.',
    language: 'ar',
  },
  {
    slug: 'english-cafe',
    title: 'Café owners in Beirut',
    bodyMd: 'Putin and Macron talked about the Bulletin report.',
    language: 'en',
  },
  {
    slug: 'arabic-bulletin',
    title: 'تقرير Bulletin الأسبوعي',
    bodyMd: 'ملخّص الأسبوع.',
    language: 'ar',
  },
]

async function insertStories(db: Db) {
  const categoryId = await addCategory(db, 'news')
  const publishedAt = new Date(NOW.getTime() - DAY)
  await db.insert(articles).values(
    STORIES.map((story) => ({
      ...story,
      summary: story.summary ?? '',
      bodyMd: story.bodyMd ?? '',
      categoryId,
      status: 'published' as const,
      publishedAt,
      updatedAt: publishedAt,
    })),
  )
}

async function search(db: Db, query: string, language?: string, asYouType = false) {
  const request = { terms: toSearchTerms(query, { asYouType }), page: 1, now: NOW, language }
  const results: SearchResults = asYouType
    ? await searchArticles(db, request)
    : await loadSearchPage(db, request)
  return results
}

const slugsOf = (results: SearchResults) => results.hits.map((hit) => hit.slug).sort()

describe('searching Arabic text', () => {
  it('finds a word written with tashkeel when it is searched without, and the reverse', async () => {
    const db = await freshDb()
    await insertStories(db)
    expect(slugsOf(await search(db, 'مفاوضات'))).toEqual(['bare', 'vocalised'])
    expect(slugsOf(await search(db, 'الملف النووي'))).toEqual(['vocalised'])
    expect(slugsOf(await search(db, 'اتصالا هاتفيا'))).toEqual(['vocalised'])
    expect(slugsOf(await search(db, 'تعد'))).toEqual(['vocalised'])
    // Typed with the marks, it finds the bare spelling too.
    expect(slugsOf(await search(db, 'مُفاوَضات'))).toEqual(['bare', 'vocalised'])
  })

  it('matches every alef and hamza form, alef maqsura and ya, ta marbuta and ha', async () => {
    const db = await freshDb()
    await insertStories(db)
    for (const spelling of ['إيران', 'ايران', 'أيران']) {
      expect(slugsOf(await search(db, spelling)), spelling).toEqual(['bare', 'hamza-forms'])
    }
    expect(slugsOf(await search(db, 'اسيا'))).toEqual(['hamza-forms'])
    expect(slugsOf(await search(db, 'مسوول'))).toEqual(['hamza-forms'])
    expect(slugsOf(await search(db, 'المستشفي'))).toEqual(['bare', 'hamza-forms'])
    expect(slugsOf(await search(db, 'مستشفى'))).toEqual(['bare', 'hamza-forms'])
    expect(slugsOf(await search(db, 'الطاقة'))).toEqual(['bare', 'hamza-forms'])
  })

  it('finds a word with the article or a conjunction joined on, and without them', async () => {
    const db = await freshDb()
    const categoryId = await addCategory(db, 'news')
    const publishedAt = new Date(NOW.getTime() - DAY)
    const story = (slug: string, title: string) => ({
      slug,
      title,
      categoryId,
      language: 'ar',
      status: 'published' as const,
      publishedAt,
      updatedAt: publishedAt,
    })
    await db
      .insert(articles)
      .values([
        story('joined', 'خطة وطنية للطاقة والمياه'),
        story('defined', 'أسعار الطاقة ترتفع'),
        story('minister', 'الوزير يزور الجنوب'),
        story('card', 'بطاقة هوية جديدة'),
      ])
    expect(slugsOf(await search(db, 'طاقة'))).toEqual(['defined', 'joined'])
    expect(slugsOf(await search(db, 'الطاقة'))).toEqual(['defined', 'joined'])
    expect(slugsOf(await search(db, 'مياه'))).toEqual(['joined'])
    // Its و is the word's own letter: وزير still finds الوزير.
    expect(slugsOf(await search(db, 'وزير'))).toEqual(['minister'])
    expect(slugsOf(await search(db, 'بطاقة'))).toEqual(['card'])
  })

  it('highlights the words as they are written, marks and all', async () => {
    const db = await freshDb()
    await insertStories(db)
    const [hit] = (await search(db, 'الملف')).hits
    const marked = hit?.titleHighlight.filter((part) => part.match).map((part) => part.text)
    expect(marked).toEqual(['المِلَفّ'])
    expect(hit?.titleHighlight.map((part) => part.text).join('')).toBe(STORIES[0]?.title)
  })

  it('matches a half-typed Arabic word as a prefix as you type', async () => {
    const db = await freshDb()
    await insertStories(db)
    expect(slugsOf(await search(db, 'مفاو', undefined, true))).toEqual(['bare', 'vocalised'])
  })
})

describe('searching one edition', () => {
  it('finds only the articles in the edition searched, and every edition when none is given', async () => {
    const db = await freshDb()
    await insertStories(db)
    expect(slugsOf(await search(db, 'Bulletin'))).toEqual(['arabic-bulletin', 'english-cafe'])
    expect(slugsOf(await search(db, 'Bulletin', 'en'))).toEqual(['english-cafe'])
    expect(slugsOf(await search(db, 'Bulletin', 'ar'))).toEqual(['arabic-bulletin'])
    expect(slugsOf(await search(db, 'Bullet', 'ar', true))).toEqual(['arabic-bulletin'])
    expect((await search(db, 'Bulletin', 'fr')).total).toBe(0)
  })

  it('keeps English matching as before: accents folded and words stemmed', async () => {
    const db = await freshDb()
    await insertStories(db)
    expect(slugsOf(await search(db, 'cafe', 'en'))).toEqual(['english-cafe'])
    expect(slugsOf(await search(db, 'talks', 'en'))).toEqual(['english-cafe'])
  })
})
