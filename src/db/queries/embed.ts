// Embeds: one article's card by slug, or the latest published stories of a section or tag, one batch each.
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, articleTags, categories, tagEditions, tags, users } from '../schema'
import {
  type ArticleSummary,
  articleSummaryColumns,
  isPublic,
  movedSlugQuery,
  resolveSlug,
  type SlugLookup,
} from './articles'
import { sectionNameIn } from './categories'
import { tagEditionOf, tagNameInEdition } from './tag-names'

export const EMBED_LATEST_MAX = 20
export const EMBED_LATEST_DEFAULT = 5

export interface EmbedArticle extends ArticleSummary {
  byline: string
  authorName: string | null
  language: string
}

export type EmbedArticleResult = SlugLookup<EmbedArticle>

/**
 * The story a card shows, its section named in the story's edition. Only a published article is
 * found: drafts, stories in review and scheduled ones are `missing`, so an embed never reveals
 * them; an old slug is `moved`.
 */
export async function loadEmbedArticle(db: Db, slug: string): Promise<EmbedArticleResult> {
  const [found, moved] = await db.batch([
    db
      .select({
        ...articleSummaryColumns,
        categoryName: sectionNameIn(db, sql`${articles.language}`),
        byline: articles.byline,
        authorName: users.name,
        language: articles.language,
        status: articles.status,
      })
      .from(articles)
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .leftJoin(users, eq(users.id, articles.authorId))
      .where(eq(articles.slug, slug)),
    movedSlugQuery(db, slug),
  ])
  const lookup = resolveSlug(found[0], moved[0])
  if (lookup.kind !== 'found') return lookup
  const { status: _published, ...article } = lookup.article
  return { kind: 'found', article }
}

export interface LatestFilter {
  /** The edition whose stories are listed, and in whose words its section is named. */
  language: string
  category?: string
  tag?: string
  /** 1 to EMBED_LATEST_MAX; the route validates it. */
  limit: number
}

export interface SectionName {
  slug: string
  name: string
}

export interface EmbedListItem extends ArticleSummary {
  language: string
}

export type EmbedLatestResult =
  | {
      kind: 'found'
      category: SectionName | null
      tag: SectionName | null
      items: EmbedListItem[]
    }
  | { kind: 'unknown-category' }
  | { kind: 'unknown-tag' }

/** The newest published stories of one edition, optionally of one category and/or one tag. */
export async function loadEmbedLatest(db: Db, filter: LatestFilter): Promise<EmbedLatestResult> {
  const { language } = filter
  const conditions: SQL[] = [isPublic, eq(articles.language, language)]
  if (filter.category) conditions.push(eq(categories.slug, filter.category))
  if (filter.tag) {
    const tagged = db
      .select({ id: articleTags.articleId })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(and(eq(tags.slug, filter.tag), eq(articleTags.language, language)))
    conditions.push(inArray(articles.id, tagged))
  }
  // The section lookups cost nothing extra: they ride in the same batch as the list.
  const [categoryRows, tagRows, items] = await db.batch([
    db
      .select({ slug: categories.slug, name: sectionNameIn(db, language) })
      .from(categories)
      .where(eq(categories.slug, filter.category ?? '')),
    db
      .select({ slug: tags.slug, name: tagNameInEdition })
      .from(tags)
      .leftJoin(tagEditions, tagEditionOf(language))
      .where(eq(tags.slug, filter.tag ?? '')),
    db
      .select({ ...articleSummaryColumns, language: articles.language })
      .from(articles)
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .where(and(...conditions))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(Math.min(Math.max(1, filter.limit), EMBED_LATEST_MAX)),
  ])
  const category = categoryRows[0] ?? null
  const tag = tagRows[0] ?? null
  if (filter.category && !category) return { kind: 'unknown-category' }
  if (filter.tag && !tag) return { kind: 'unknown-tag' }
  return { kind: 'found', category, tag, items }
}
