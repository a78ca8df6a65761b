// The Arabic edition of the demo seed: real Arabic across the sections, and the reference translated.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { parse } from 'node-html-parser'
import { afterEach, describe, expect, it } from 'vitest'
import { migrateDatabase, openClient } from '../../../src/cli/migrate'
import { seedDatabase } from '../../../src/cli/seed'
import { createDb, type Db } from '../../../src/db/client'
import { loadSearchPage } from '../../../src/db/queries/search'
import {
  articles,
  articleTags,
  categories,
  categoryEditions,
  comments,
  tags,
} from '../../../src/db/schema'
import { toSearchTerms } from '../../../src/services/search-query'
import { expectInert } from '../../support/inert-html'

const NOW = Date.parse('2025-07-02T01:22:00Z')
const REFERENCE_SLUG = 'kremlin-first-putin-macron-conversation-since-2022'
const TRANSLATION_SLUG = `ar-${REFERENCE_SLUG}`
const TASHKEEL = /[\u064b-\u0652]/u
const ARABIC_LETTER = /\p{Script=Arabic}/u
const LATIN_LETTER = /[A-Za-z]/

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

async function seeded(): Promise<Db> {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-ar-'))
  const client = openClient(`file:${dir}/t.db`)
  cleanups.push(() => {
    client.close()
    rmSync(dir, { recursive: true, force: true })
  })
  await migrateDatabase(client)
  const db = createDb(client)
  await seedDatabase(db, { now: NOW, adminPassword: 'correct horse battery' })
  return db
}

/** Share of a text's letters that are Arabic script. */
function arabicShare(text: string): number {
  const letters = [...text].filter((char) => /\p{L}/u.test(char))
  return letters.filter((char) => ARABIC_LETTER.test(char)).length / letters.length
}

describe('the Arabic edition of the seed', () => {
  it('publishes at least 60 Arabic articles across at least six sections, written in Arabic', async () => {
    const db = await seeded()
    const rows = await db.select().from(articles).where(eq(articles.language, 'ar'))
    expect(rows.length).toBeGreaterThanOrEqual(60)
    expect(rows.every((row) => row.status === 'published')).toBe(true)
    expect(new Set(rows.map((row) => row.categoryId)).size).toBeGreaterThanOrEqual(6)
    for (const row of rows) {
      expectInert(row.bodyHtml, row.slug)
      for (const text of [row.title, row.summary, row.bodyMd, row.byline, row.imageAlt]) {
        // Names such as Bulletin may appear, but the text is Arabic, never transliterated.
        expect(arabicShare(text), `${row.slug}: ${text}`).toBeGreaterThan(0.95)
      }
      expect(parse(row.bodyHtml).querySelectorAll('p').length).toBeGreaterThanOrEqual(3)
      expect(row.slug).toMatch(/^ar-[a-z0-9]+(-[a-z0-9]+)*$/)
    }
    expect(new Set(rows.map((row) => row.title)).size).toBe(rows.length)
  })

  it('writes some words with tashkeel and the alef and hamza in their different forms', async () => {
    const db = await seeded()
    const rows = await db.select().from(articles).where(eq(articles.language, 'ar'))
    const text = rows.map((row) => `${row.title} ${row.bodyMd}`).join(' ')
    expect(rows.filter((row) => TASHKEEL.test(row.bodyMd)).length).toBeGreaterThan(10)
    expect(rows.some((row) => TASHKEEL.test(row.title))).toBe(true)
    for (const letter of ['أ', 'إ', 'آ', 'ى', 'ة', 'ؤ', 'ئ']) expect(text, letter).toContain(letter)
    // The same name with and without its hamza, as writers differ.
    expect(text).toContain('إيران')
    expect(text).toMatch(/(^|\s)ايران/)
  })

  it('translates the reference article and links the two by their translation group', async () => {
    const db = await seeded()
    const english = await db.select().from(articles).where(eq(articles.slug, REFERENCE_SLUG)).get()
    const arabic = await db.select().from(articles).where(eq(articles.slug, TRANSLATION_SLUG)).get()
    expect(arabic).toMatchObject({
      title: 'الكرملين: أول اتصال بين بوتين وماكرون منذ عام 2022',
      language: 'ar',
      status: 'published',
      categoryId: english?.categoryId,
    })
    expect(english?.translationGroup).toBe(english?.id)
    expect(arabic?.translationGroup).toBe(english?.id)
    // Paragraph for paragraph the original.
    const paragraphs = (body = '') => parse(body).querySelectorAll('p').length
    expect(paragraphs(arabic?.bodyHtml)).toBe(paragraphs(english?.bodyHtml))
    expect(arabic?.bodyMd).toContain('3.7 مليارات يورو')
    const tagNames = await db
      .select({ name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, arabic?.id ?? 0))
    expect(tagNames.map((tag) => tag.name).sort()).toEqual(['بوتين', 'روسيا', 'فرنسا', 'ماكرون'])
  })

  it('names every section in Arabic for the Arabic edition and leaves the English names alone', async () => {
    const db = await seeded()
    const named = await db
      .select({ slug: categories.slug, english: categories.name, arabic: categoryEditions.name })
      .from(categories)
      .innerJoin(
        categoryEditions,
        and(eq(categoryEditions.categoryId, categories.id), eq(categoryEditions.language, 'ar')),
      )
    const all = await db.select().from(categories)
    expect(named).toHaveLength(all.length)
    for (const row of named) {
      expect(arabicShare(row.arabic ?? ''), row.slug).toBe(1)
      expect(row.english).toMatch(LATIN_LETTER)
    }
  })

  it('has Arabic comments from readers with Arabic names, one awaiting moderation', async () => {
    const db = await seeded()
    const rows = await db
      .select({ comment: comments })
      .from(comments)
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .where(eq(articles.slug, TRANSLATION_SLUG))
    expect(rows.filter(({ comment }) => comment.status === 'approved').length).toBeGreaterThan(5)
    expect(rows.filter(({ comment }) => comment.status === 'pending')).toHaveLength(1)
    expect(rows.some(({ comment }) => arabicShare(comment.authorName) === 1)).toBe(true)
    expect(rows.every(({ comment }) => arabicShare(comment.body) > 0.95)).toBe(true)
  })

  it('lets search find the translation by its words typed without tashkeel', async () => {
    const db = await seeded()
    const results = await loadSearchPage(db, {
      terms: toSearchTerms('اتصالا هاتفيا'),
      page: 1,
      now: new Date(NOW),
      language: 'ar',
    })
    expect(results.hits[0]?.slug).toBe(TRANSLATION_SLUG)
  })
})
