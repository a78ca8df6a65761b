// Role grants: what admins, editors and authors may do, checked the same way everywhere.
import { describe, expect, it } from 'vitest'
import {
  can,
  canEditArticle,
  canViewArticle,
  type Permission,
  requirePermission,
} from '../../../src/services/editorial-permissions'
import { availableActions } from '../../../src/services/editorial-status'

const admin = { id: 1, role: 'admin' as const }
const editor = { id: 2, role: 'editor' as const }
const author = { id: 3, role: 'author' as const }

describe('editorial permissions', () => {
  it('grants admins everything, editors content and moderation, authors nothing extra', () => {
    const all: Permission[] = [
      'articles:edit-any',
      'articles:publish',
      'comments:moderate',
      'users:manage',
      'tokens:manage',
      'audit:read',
    ]
    expect(all.filter((p) => can(admin, p))).toEqual(all)
    expect(all.filter((p) => can(editor, p))).toEqual([
      'articles:edit-any',
      'articles:publish',
      'comments:moderate',
    ])
    expect(all.filter((p) => can(author, p))).toEqual([])
    expect(() => requirePermission(author, 'articles:publish')).toThrow(/does not allow/)
  })

  it('lets an author edit only their own drafts and articles in review', () => {
    expect(canEditArticle(author, { authorId: 3, status: 'draft' })).toBe(true)
    expect(canEditArticle(author, { authorId: 3, status: 'review' })).toBe(true)
    expect(canEditArticle(author, { authorId: 3, status: 'published' })).toBe(false)
    expect(canEditArticle(author, { authorId: 3, status: 'scheduled' })).toBe(false)
    expect(canEditArticle(author, { authorId: 9, status: 'draft' })).toBe(false)
    expect(canEditArticle(author, { authorId: null, status: 'draft' })).toBe(false)
    expect(canEditArticle(editor, { authorId: 9, status: 'published' })).toBe(true)
    expect(canViewArticle(author, { authorId: 9 })).toBe(false)
  })

  it('offers each role only the status moves it may make', () => {
    expect(availableActions(author, { authorId: 3, status: 'draft' })).toEqual(['submit'])
    expect(availableActions(author, { authorId: 3, status: 'review' })).toEqual([])
    expect(availableActions(editor, { authorId: 3, status: 'draft' })).toEqual([
      'submit',
      'schedule',
      'publish',
      'archive',
    ])
    expect(availableActions(editor, { authorId: 3, status: 'published' })).toEqual([
      'unpublish',
      'archive',
    ])
    expect(availableActions(editor, { authorId: 3, status: 'archived' })).toEqual([
      'publish',
      'unpublish',
    ])
  })
})
