// Translations in the newsroom: a new draft in another edition, linked to the article it translates.
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, articleTags } from '../schema'
import { insertAuditQuery } from './audit'

export interface TranslationRequest {
  sourceId: number
  /** The edition it is written for; the caller has checked it is configured. */
  language: string
  userId: number
}

/**
 * The translation of `sourceId` into `language`: the one already in its group if there is one,
 * else a new draft copying the source (text to translate, section, image, tags), linked to it by
 * translation_group. Null when the source does not exist or is already in that language.
 */
export async function createTranslationDraft(
  db: Db,
  request: TranslationRequest,
): Promise<{ id: number; created: boolean } | null> {
  const { sourceId, language, userId } = request
  const [source] = await db.select().from(articles).where(eq(articles.id, sourceId))
  if (!source || source.language === language) return null
  const group = source.translationGroup ?? source.id
  const [existing] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.translationGroup, group), eq(articles.language, language)))
  if (existing) return { id: existing.id, created: false }
  const slug = await findFreeSlug(db, `${source.slug}-${language}`)
  const now = new Date()
  // One batch: the group is set on the source, the draft and its tags written, the act audited.
  const [, inserted] = await db.batch([
    db.update(articles).set({ translationGroup: group }).where(eq(articles.id, source.id)),
    db
      .insert(articles)
      .values({
        slug,
        title: source.title,
        summary: source.summary,
        bodyMd: source.bodyMd,
        bodyHtml: source.bodyHtml,
        categoryId: source.categoryId,
        byline: source.byline,
        authorId: userId,
        imageUrl: source.imageUrl,
        imageAlt: source.imageAlt,
        imageWidth: source.imageWidth,
        imageHeight: source.imageHeight,
        status: 'draft',
        updatedAt: now,
        language,
        translationGroup: group,
      })
      .returning({ id: articles.id }),
    db.insert(articleTags).select(
      db
        .select({
          articleId: sql<number>`(select id from articles where slug = ${slug})`.as('article_id'),
          tagId: articleTags.tagId,
          // Triggers copy the article's status, published_at and language (0004, 0010).
          status: sql<null>`null`.as('status'),
          publishedAt: sql<null>`null`.as('published_at'),
          language: sql<null>`null`.as('language'),
        })
        .from(articleTags)
        .where(eq(articleTags.articleId, source.id)),
    ),
    insertAuditQuery(db, [
      {
        userId,
        action: 'article.translate',
        targetType: 'article',
        targetId: sql`(select id from articles where slug = ${slug})`,
        detail: { from: source.id, language },
      },
    ]),
  ])
  const id = inserted[0]?.id
  return id === undefined ? null : { id, created: true }
}

/** `base`, or `base-2`, `base-3`…: the first slug no article has. */
async function findFreeSlug(db: Db, base: string): Promise<string> {
  const taken = await db
    .select({ slug: articles.slug })
    .from(articles)
    .where(sql`${articles.slug} = ${base} or ${articles.slug} glob ${`${base}-[0-9]*`}`)
  const used = new Set(taken.map((row) => row.slug))
  let slug = base
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`
  return slug
}
