// Demo authors (from the staff and columnist bylines), their article links, and the four static pages.
import type * as schema from '../../db/schema'
import { slugify } from '../../services/editorial-slug'
import { renderMarkdown } from '../../services/markdown'
import { COLUMNIST_BYLINES, STAFF_BYLINES } from './words'

type AuthorRow = typeof schema.authors.$inferInsert
type ArticleAuthorRow = typeof schema.articleAuthors.$inferInsert
type PageRow = typeof schema.pages.$inferInsert

/** "By Staff" and the house byline name a desk, not a person: they keep their free text only. */
const UNSIGNED = new Set(['Staff'])

const BEATS = ['Middle East', 'Lebanon', 'international affairs', 'the economy', 'diplomacy']

function bio(name: string, role: string, beat: string): string {
  const first = name.split(' ')[0]
  return `${name} is a ${role.toLowerCase()} at Bulletin, covering ${beat}.\n\n${first} has reported from the region for over a decade. Tips and corrections: write to the desk through our [contact page](/contact).`
}

export function buildSeedAuthors(now: Date): AuthorRow[] {
  const signed = (bylines: readonly string[], role: string) =>
    bylines
      .map((byline) => byline.replace(/^By /, ''))
      .filter((name) => !UNSIGNED.has(name))
      .map((name) => ({ name, role }))
  const people = [
    ...signed(STAFF_BYLINES, 'Staff writer'),
    ...signed(COLUMNIST_BYLINES, 'Columnist'),
  ]
  return people.map(({ name, role }, i) => {
    const slug = slugify(name)
    const bioMd = bio(name, role, BEATS[i % BEATS.length] as string)
    return {
      id: i + 1,
      slug,
      name,
      jobTitle: role,
      bioMd,
      bioHtml: renderMarkdown(bioMd),
      links: JSON.stringify([{ label: 'Website', url: `https://example.org/${slug}` }]),
      createdAt: now,
      updatedAt: now,
    }
  })
}

/** Each article whose byline is exactly "By <name>" of a seeded author gets that author. */
export function linkSeedAuthors(
  articles: readonly { id: number; byline: string }[],
  authors: readonly AuthorRow[],
): ArticleAuthorRow[] {
  const byName = new Map(authors.map((author) => [author.name, author.id as number]))
  return articles.flatMap(({ id, byline }) => {
    const authorId = byName.get(byline.replace(/^By /, ''))
    return authorId ? [{ articleId: id, authorId, position: 0 }] : []
  })
}

const PAGES: { slug: string; title: string; summary: string; bodyMd: string }[] = [
  {
    slug: 'about',
    title: 'About',
    summary: 'Who we are and how we work.',
    bodyMd:
      'Bulletin is an independent newsroom reporting on the Middle East and the world.\n\nOur reporters and editors are named on every story they write; each has a page listing their work. Wire copy carries the agency byline.\n\n## Our standards\n\nWe check facts before we publish and correct mistakes openly. Read our [corrections policy](/corrections-policy).',
  },
  {
    slug: 'contact',
    title: 'Contact',
    summary: 'How to reach the newsroom.',
    bodyMd:
      'Write to the newsroom at **newsroom@bulletin.example**.\n\nTo report an error in a story, write to **corrections@bulletin.example** with a link to the story and what you believe is wrong.',
  },
  {
    slug: 'corrections-policy',
    title: 'Corrections policy',
    summary: 'How we correct and clarify our reporting.',
    bodyMd:
      'When we get something wrong, we say so.\n\n- A **correction** fixes a factual error. We change the story and add a dated note saying what was wrong.\n- A **clarification** adds context or removes ambiguity when the facts were right but could mislead.\n\nEvery note is dated, shown on the story, and listed on our [corrections page](/corrections), which also has a feed.',
  },
  {
    slug: 'privacy',
    title: 'Privacy',
    summary: 'What we collect and why.',
    bodyMd:
      'We count page views without cookies. Comment authors give a name; we keep a salted hash of their address to stop abuse, never the address itself. Favourites stay in your browser.',
  },
]

export function buildSeedPages(now: Date): PageRow[] {
  return PAGES.map((page, i) => ({
    id: i + 1,
    ...page,
    bodyHtml: renderMarkdown(page.bodyMd),
    status: 'published' as const,
    footerPosition: i + 1,
    publishedAt: now,
    updatedAt: now,
    createdAt: now,
  }))
}
