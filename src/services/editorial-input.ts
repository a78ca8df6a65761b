// Article input from the newsroom form and the JSON API: one valibot schema, field-level messages.
import * as v from 'valibot'
import {
  BYLINE_MAX,
  IMAGE_ALT_MAX,
  IMAGE_URL_MAX,
  RELATED_MAX,
  SUMMARY_MAX,
  TAG_MAX,
  TAGS_MAX,
  TITLE_MAX,
} from '../lib/article-input-limits'
import { AppError } from '../lib/errors'
import { toImageSource } from '../lib/link-target'
import { isValidSlug, MAX_SLUG_LENGTH } from '../lib/slug'
import { findMarkdownProblem } from './markdown'

/** An INVALID error that names the fields at fault; forms show them by the field, the API as `fields`. */
export class InvalidFields extends AppError {
  constructor(
    readonly fields: Record<string, string>,
    message = 'Some fields need attention.',
  ) {
    super('INVALID', message)
  }
}

/**
 * Images come from our own site or over https: `data:` and `javascript:` never reach an <img>, and
 * plain http would be mixed content (and is outside the CSP's img-src) on the https site. The rule
 * is the renderer's (lib/link-target.ts), so `/\host/x.png` is off-site there and here alike.
 */
export function isImageUrl(url: string): boolean {
  return toImageSource(url) !== null
}

const text = (max: number, label: string) =>
  v.optional(
    v.pipe(
      v.string(`${label} must be text.`),
      v.trim(),
      v.maxLength(max, `${label} can be at most ${max} characters.`),
    ),
    '',
  )

const dimension = (label: string) =>
  v.optional(
    v.nullable(
      v.pipe(
        v.number(`${label} must be a whole number of pixels.`),
        v.integer(`${label} must be a whole number of pixels.`),
        v.minValue(1, `${label} must be at least 1 pixel.`),
        v.maxValue(10_000, `${label} can be at most 10000 pixels.`),
      ),
    ),
    null,
  )

const list = (item: v.GenericSchema<unknown, string>, max: number, message: string) =>
  v.optional(v.pipe(v.array(item, 'Expected a list.'), v.maxLength(max, message)), [])

/** Authors on one byline; more reads as a list, not a byline. */
const AUTHORS_MAX = 10

export const ArticleInputSchema = v.pipe(
  v.object({
    title: v.pipe(
      v.string('Please give the article a title.'),
      v.trim(),
      v.nonEmpty('Please give the article a title.'),
      v.maxLength(TITLE_MAX, `The title can be at most ${TITLE_MAX} characters.`),
    ),
    slug: v.optional(
      v.pipe(
        v.string('The slug must be text.'),
        v.trim(),
        v.toLowerCase(),
        v.maxLength(MAX_SLUG_LENGTH, `The slug can be at most ${MAX_SLUG_LENGTH} characters.`),
        v.check(
          (slug) => slug === '' || isValidSlug(slug),
          'Use lowercase letters, digits and single hyphens, like "storm-reaches-coast".',
        ),
      ),
      '',
    ),
    summary: text(SUMMARY_MAX, 'The summary'),
    bodyMd: v.optional(
      v.pipe(
        v.string('The body must be text.'),
        // The renderer's own bounds (length, markup, nesting), so the preview and the save agree.
        v.rawCheck(({ dataset, addIssue }) => {
          const problem = dataset.typed ? findMarkdownProblem(dataset.value) : null
          if (problem) addIssue({ message: problem })
        }),
      ),
      '',
    ),
    category: v.pipe(v.string('Choose a section.'), v.trim(), v.nonEmpty('Choose a section.')),
    tags: list(
      v.pipe(
        v.string('Each tag must be text.'),
        v.trim(),
        v.nonEmpty('A tag cannot be empty.'),
        v.maxLength(TAG_MAX, `A tag can be at most ${TAG_MAX} characters.`),
      ),
      TAGS_MAX,
      `An article can have at most ${TAGS_MAX} tags.`,
    ),
    byline: text(BYLINE_MAX, 'The byline'),
    imageUrl: v.optional(
      v.nullable(
        v.pipe(
          v.string('The image address must be text.'),
          v.trim(),
          v.maxLength(
            IMAGE_URL_MAX,
            `The image address can be at most ${IMAGE_URL_MAX} characters.`,
          ),
          v.check(
            (url) => url === '' || isImageUrl(url),
            'The image address must start with https:// or / (this site).',
          ),
          // Stored as the browser will read it: `/a\\b.png` is `/a/b.png`.
          v.transform((url) => (url ? toImageSource(url) : null)),
        ),
      ),
      null,
    ),
    imageAlt: text(IMAGE_ALT_MAX, 'The image description'),
    imageWidth: dimension('The image width'),
    imageHeight: dimension('The image height'),
    language: v.optional(
      v.pipe(
        v.string('The language must be a language code.'),
        v.trim(),
        v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language code such as en, ar or fr-CA.'),
      ),
    ),
    commentsClosed: v.optional(v.boolean('Comments closed must be true or false.'), false),
    related: list(
      v.pipe(v.string('Each related article is a slug.'), v.trim(), v.toLowerCase()),
      RELATED_MAX,
      `Pin at most ${RELATED_MAX} related articles.`,
    ),
    /** Author slugs in byline order; absent leaves the article's authors as they are. */
    authors: v.optional(
      v.pipe(
        v.array(
          v.pipe(v.string('Each author is a slug.'), v.trim(), v.toLowerCase()),
          'Expected a list.',
        ),
        v.maxLength(AUTHORS_MAX, `Name at most ${AUTHORS_MAX} authors.`),
      ),
    ),
  }),
  v.forward(
    v.partialCheck(
      [['imageUrl'], ['imageAlt']],
      (input) => !input.imageUrl || input.imageAlt !== '',
      'Describe the image for readers who cannot see it.',
    ),
    ['imageAlt'],
  ),
)

export type ArticleInput = v.InferOutput<typeof ArticleInputSchema>

/** Validates article input, throwing InvalidFields with the first message for each field. */
export function parseArticleInput(input: unknown): ArticleInput {
  const result = v.safeParse(ArticleInputSchema, withEveryField(ArticleInputSchema, input))
  if (result.success) return result.output
  throw new InvalidFields(fieldMessages(result.issues))
}

/**
 * The input with every field of `schema` present, undefined where it was missing. Valibot words a
 * missing key itself ("Invalid key: Expected \"title\" but received undefined"); a key that is
 * there but undefined goes to the field's own schema, which says what the field needs in our words.
 * Optional fields take their defaults either way.
 */
export function withEveryField(schema: v.GenericSchema, input: unknown): unknown {
  const object = 'pipe' in schema ? (schema.pipe as unknown[])[0] : schema
  const entries = (object as { entries?: Record<string, unknown> }).entries
  if (!entries || typeof input !== 'object' || input === null || Array.isArray(input)) return input
  const filled: Record<string, unknown> = {}
  for (const key of Object.keys(entries)) filled[key] = undefined
  return Object.assign(filled, input)
}

/** First message per top-level field: `tags.3` is reported on `tags`. */
export function fieldMessages(issues: readonly v.BaseIssue<unknown>[]): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of issues) {
    const field = v.getDotPath(issue)?.split('.')[0] ?? 'form'
    fields[field] ??= issue.message
  }
  return fields
}
