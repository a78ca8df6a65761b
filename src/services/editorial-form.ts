// The newsroom's article form: its posted fields as typed, and the same values in the API's shape.

/** What the article form posts, kept as typed so an invalid form comes back exactly as it was. */
export interface ArticleFormValues {
  title: string
  slug: string
  summary: string
  bodyMd: string
  category: string
  tags: string
  byline: string
  imageUrl: string
  imageAlt: string
  imageWidth: string
  imageHeight: string
  language: string
  commentsClosed: boolean
  related: string
  /** Author slugs in byline order, comma separated. */
  authors: string
  publishAt: string
}

const FORM_FIELDS: Record<Exclude<keyof ArticleFormValues, 'commentsClosed'>, string> = {
  title: 'title',
  slug: 'slug',
  summary: 'summary',
  bodyMd: 'body_md',
  category: 'category',
  tags: 'tags',
  byline: 'byline',
  imageUrl: 'image_url',
  imageAlt: 'image_alt',
  imageWidth: 'image_width',
  imageHeight: 'image_height',
  language: 'language',
  related: 'related',
  authors: 'authors',
  publishAt: 'publish_at',
}

/** Reads the posted form into its typed values; anything missing is empty. */
export function readArticleForm(form: Record<string, unknown>): ArticleFormValues {
  const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '')
  const values = Object.fromEntries(
    Object.entries(FORM_FIELDS).map(([key, name]) => [key, field(name)]),
  ) as Omit<ArticleFormValues, 'commentsClosed'>
  // Browsers send CRLF line ends from a textarea; the Markdown is stored with LF.
  values.bodyMd = values.bodyMd.replace(/\r\n?/g, '\n')
  return { ...values, commentsClosed: field('comments_closed') === 'on' }
}

/** Splits "a, b\nc" into ["a", "b", "c"]. */
export function splitList(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean)
}

function toNumber(value: string): number | null {
  return value.trim() === '' ? null : Number(value.trim())
}

/** The form's values in the API's shape, for the one schema both go through. */
export function formToInput(values: ArticleFormValues): Record<string, unknown> {
  return {
    title: values.title,
    slug: values.slug,
    summary: values.summary,
    bodyMd: values.bodyMd,
    category: values.category,
    tags: splitList(values.tags),
    byline: values.byline,
    imageUrl: values.imageUrl,
    imageAlt: values.imageAlt,
    imageWidth: toNumber(values.imageWidth),
    imageHeight: toNumber(values.imageHeight),
    language: values.language || undefined,
    commentsClosed: values.commentsClosed,
    related: splitList(values.related),
    authors: splitList(values.authors),
  }
}
