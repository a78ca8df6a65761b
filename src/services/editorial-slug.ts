// Slugs from titles and tag names, kept unique against articles and the redirects of old slugs.

/** Lowercase, hyphenated, ASCII only, cut at a word boundary near 80 characters. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= 80) return slug
  return slug.slice(0, 80).replace(/-[^-]*$/, '')
}

/** `base`, or `base-2`, `base-3`… whichever is not taken. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
  return slug
}

/** A slug for a title that has no letters or digits at all (say, only emoji or another script). */
export function fallbackSlug(now: Date): string {
  return `article-${now.getTime().toString(36)}`
}
