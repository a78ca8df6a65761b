// Article slugs: lowercase words joined by hyphens, from titles, and the check for incoming ones.

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const MAX_SLUG_LENGTH = 200

/** Anything that is not a well-formed slug cannot name an article, so no query is needed. */
export function isValidSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG_LENGTH && SLUG.test(slug)
}
