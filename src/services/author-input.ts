// The author form checked field by field: name, slug (never a reserved route), photo URL and links.
import type { AuthorLink } from '../db/queries/authors'
import { isReservedSlug } from '../lib/reserved-slugs'
import { isValidSlug, MAX_SLUG_LENGTH } from '../lib/slug'
import { InvalidFields, isImageUrl } from './editorial-input'
import { slugify } from './editorial-slug'

export const AUTHOR_NAME_MAX = 120
export const AUTHOR_BIO_MAX = 5000
export const AUTHOR_LINKS_MAX = 8

export interface AuthorForm {
  name: string
  slug: string
  jobTitle: string
  bio: string
  photoUrl: string
  photoAlt: string
  links: string
  userId: string
}

export interface AuthorInput {
  name: string
  slug: string
  jobTitle: string
  bioMd: string
  photoUrl: string | null
  photoAlt: string
  links: AuthorLink[]
  userId: number | null
}

/** A slug for an author or page: well formed, and not the name of a route (`/search`, `/api`…). */
export function checkPublicSlug(slug: string): string | null {
  if (!slug) return 'Give it a slug: lowercase words joined by hyphens.'
  if (slug.length > MAX_SLUG_LENGTH) return `A slug can be at most ${MAX_SLUG_LENGTH} characters.`
  if (!isValidSlug(slug))
    return 'Use lowercase letters, digits and single hyphens, e.g. maya-haddad.'
  if (isReservedSlug(slug)) return `“${slug}” is a reserved address on this site; choose another.`
  return null
}

/** "Label https://…" per line; a bare URL is labelled with its host. */
export function parseLinks(text: string): { links: AuthorLink[]; error?: string } {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  if (lines.length > AUTHOR_LINKS_MAX)
    return { links: [], error: `At most ${AUTHOR_LINKS_MAX} links.` }
  const links: AuthorLink[] = []
  for (const line of lines) {
    const url = line.split(/\s+/).pop() ?? ''
    let parsed: URL | null = null
    try {
      parsed = new URL(url)
    } catch {}
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
      return { links: [], error: `“${line}” does not end with a web address (https://…).` }
    }
    const label = line.slice(0, line.length - url.length).trim() || parsed.host
    links.push({ label: label.slice(0, 60), url: parsed.href })
  }
  return { links }
}

export function formatLinks(links: AuthorLink[]): string {
  return links.map((link) => `${link.label} ${link.url}`).join('\n')
}

export function parseAuthorForm(form: AuthorForm): AuthorInput {
  const fields: Record<string, string> = {}
  const name = form.name.trim()
  if (!name) fields.name = 'Give the author a name.'
  else if (name.length > AUTHOR_NAME_MAX) fields.name = `At most ${AUTHOR_NAME_MAX} characters.`
  const slug = form.slug.trim() || slugify(name)
  const slugError = checkPublicSlug(slug)
  if (slugError) fields.slug = slugError
  if (form.jobTitle.trim().length > 120) fields.jobTitle = 'At most 120 characters.'
  if (form.bio.length > AUTHOR_BIO_MAX) fields.bio = `At most ${AUTHOR_BIO_MAX} characters.`
  const photoUrl = form.photoUrl.trim()
  if (photoUrl && !isImageUrl(photoUrl))
    fields.photoUrl = 'Use an https:// or /media/… image address.'
  const { links, error } = parseLinks(form.links)
  if (error) fields.links = error
  const userId = form.userId ? Number(form.userId) : null
  if (userId !== null && !Number.isSafeInteger(userId)) fields.userId = 'Choose an account.'
  if (Object.keys(fields).length > 0) throw new InvalidFields(fields)
  return {
    name,
    slug,
    jobTitle: form.jobTitle.trim(),
    bioMd: form.bio.trim(),
    photoUrl: photoUrl || null,
    photoAlt: form.photoAlt.trim().slice(0, 300),
    links,
    userId,
  }
}
