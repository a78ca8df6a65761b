// Test fixtures written straight to the test database (the same db-server the Worker uses).
import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { connectDb } from '../../src/db/connect'
import { type ArticleStatus, articles, articleTags, categories, tags } from '../../src/db/schema'
import { renderMarkdown } from '../../src/services/markdown'

export function testDb() {
  return connectDb({ url: env.DB_STATS_URL, authToken: undefined, timeoutMs: 10_000 })
}

/** A unique suffix, so fixtures from different tests never collide in the shared database. */
export function uniqueSuffix(): string {
  return crypto.randomUUID().slice(0, 8)
}

export interface ArticleFixture {
  title?: string
  slug?: string
  summary?: string
  bodyMd?: string
  byline?: string
  status?: ArticleStatus
  publishedAt?: Date | null
  updatedAt?: Date
  categorySlug?: string
  tagNames?: string[]
  language?: string
  commentsClosed?: boolean
}

/** The fixture's one tag (insertArticle makes its slug unique): its id and slug. */
export async function tagOf(articleId: number): Promise<{ id: number; slug: string }> {
  const [tag] = await testDb()
    .select({ id: tags.id, slug: tags.slug })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, articleId))
  if (!tag) throw new Error('the fixture has no tag')
  return tag
}

/** Inserts an article (published an hour ago, in International News, by default) and its tags. */
export async function insertArticle(fixture: ArticleFixture = {}) {
  const db = testDb()
  const suffix = uniqueSuffix()
  const [category] = await db
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.slug, fixture.categorySlug ?? 'international-news'))
  if (!category) throw new Error(`No category ${fixture.categorySlug}`)
  const bodyMd = fixture.bodyMd ?? 'A paragraph of **fixture** text.'
  const publishedAt =
    fixture.publishedAt === undefined ? new Date(Date.now() - 3_600_000) : fixture.publishedAt
  const [article] = await db
    .insert(articles)
    .values({
      slug: fixture.slug ?? `fixture-${suffix}`,
      title: fixture.title ?? `Fixture story ${suffix}`,
      summary: fixture.summary ?? 'A fixture summary.',
      bodyMd,
      bodyHtml: renderMarkdown(bodyMd),
      byline: fixture.byline ?? 'By Test Desk',
      categoryId: category.id,
      status: fixture.status ?? 'published',
      publishedAt,
      updatedAt: fixture.updatedAt ?? publishedAt ?? new Date(),
      language: fixture.language ?? 'en',
      commentsClosed: fixture.commentsClosed ?? false,
      imageUrl: '/images/placeholders/globe.svg',
      imageAlt: 'A globe',
      imageWidth: 1200,
      imageHeight: 675,
    })
    .returning()
  if (!article) throw new Error('insert failed')
  for (const name of fixture.tagNames ?? []) {
    const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${suffix}`
    const [tag] = await db.insert(tags).values({ slug, name }).returning({ id: tags.id })
    if (tag) await db.insert(articleTags).values({ articleId: article.id, tagId: tag.id })
  }
  return article
}
