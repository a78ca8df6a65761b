// Comment queries: approved comments as plain objects, with one level of replies.
import { comments } from '../schema'

/** Top-level comments per page; replies come with their parent. */
export const COMMENTS_PAGE_SIZE = 20

export interface CommentView {
  id: number
  parentId: number | null
  authorName: string
  body: string
  createdAt: Date
  replies?: CommentView[]
}

export const commentColumns = {
  id: comments.id,
  parentId: comments.parentId,
  authorName: comments.authorName,
  body: comments.body,
  createdAt: comments.createdAt,
}
