// The data model's fixed vocabularies: article and comment statuses, newsroom roles.

export const ARTICLE_STATUSES = ['draft', 'review', 'scheduled', 'published', 'archived'] as const
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number]

export const COMMENT_STATUSES = ['pending', 'approved', 'rejected', 'spam'] as const
export type CommentStatus = (typeof COMMENT_STATUSES)[number]

export const USER_ROLES = ['admin', 'editor', 'author'] as const
export type UserRole = (typeof USER_ROLES)[number]
