// Reading and validating JSON request bodies for the API, and the article's JSON shape.
import type { Context } from 'hono'
import * as v from 'valibot'
import type { EditableArticle } from '../../db/queries/editor-articles'
import { AppError } from '../../lib/errors'
import { fieldMessages, InvalidFields, withEveryField } from '../../services/editorial-input'

/** The body as JSON; anything else is a 400 with a message that says what is expected. */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError('INVALID', 'Send the body as JSON with "Content-Type: application/json".')
  }
  try {
    return await c.req.json()
  } catch {
    throw new AppError('INVALID', 'The body is not valid JSON.')
  }
}

/** Validates with a valibot schema; failures name their fields. */
export function validate<T extends v.GenericSchema>(schema: T, input: unknown): v.InferOutput<T> {
  const result = v.safeParse(schema, withEveryField(schema, input))
  if (!result.success) throw new InvalidFields(fieldMessages(result.issues))
  return result.output
}

/** The API's representation of an article: what GET returns and PUT accepts back. */
export function articleJson(article: EditableArticle, origin: string) {
  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    summary: article.summary,
    bodyMd: article.bodyMd,
    bodyHtml: article.bodyHtml,
    category: article.categorySlug,
    tags: article.tags.map((tag) => tag.name),
    byline: article.byline,
    author: article.authorId ? { id: article.authorId, name: article.authorName } : null,
    imageUrl: article.imageUrl,
    imageAlt: article.imageAlt,
    imageWidth: article.imageWidth,
    imageHeight: article.imageHeight,
    language: article.language,
    commentsClosed: article.commentsClosed,
    related: article.related.map((pin) => pin.slug),
    authors: article.authors.map((author) => ({ slug: author.slug, name: author.name })),
    status: article.status,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    createdAt: article.createdAt,
    url: article.status === 'published' ? `${origin}/news/${article.slug}` : null,
  }
}
