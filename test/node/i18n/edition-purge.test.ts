// Purge follows the editions: an Arabic story's lists are the Arabic edition's, and its translation's page goes too.
import { describe, expect, it } from 'vitest'
import type { ArticlePurgeFacts } from '../../../src/db/queries/purge'
import { purgeTargetsFor } from '../../../src/services/purge-targets'

const EDITIONS = [
  { code: 'en', prefix: '' },
  { code: 'ar', prefix: '/ar' },
]

function factsOf(article: Partial<ArticlePurgeFacts>) {
  const full: ArticlePurgeFacts = {
    id: 7,
    slug: 'story',
    categorySlug: 'world',
    tagSlugs: ['gaza'],
    tagIds: [3],
    shownOn: [],
    commentCursors: [],
    ...article,
  }
  return { articles: [full], sections: [] }
}

describe('purge targets per edition', () => {
  it('purges an Arabic story’s home, section, tag, feed and sitemap pages under /ar', () => {
    const { paths } = purgeTargetsFor(
      [{ kind: 'article', articleId: 7 }],
      factsOf({ language: 'ar', slug: 'khabar' }),
      EDITIONS,
    )
    expect(paths).toEqual(
      expect.arrayContaining([
        '/news/khabar',
        '/ar/',
        '/ar/feed.xml',
        '/ar/sitemap.xml',
        '/ar/category/world',
        '/ar/tag/gaza',
        '/ar/embed/latest',
      ]),
    )
    expect(paths).not.toContain('/')
    expect(paths).not.toContain('/category/world')
  })

  it('keeps an English story’s lists at the root, and purges its translation’s page', () => {
    const { paths } = purgeTargetsFor(
      [{ kind: 'article', articleId: 7 }],
      factsOf({ language: 'en', translationSlugs: ['story-ar'] }),
      EDITIONS,
    )
    expect(paths).toEqual(expect.arrayContaining(['/', '/category/world', '/news/story-ar']))
    expect(paths).not.toContain('/ar/')
  })
})
