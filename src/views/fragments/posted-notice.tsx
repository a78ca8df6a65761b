// What replaces a comment form after a successful htmx post: the notice, and the new comment if published.

import type { CommentView } from '../../db/queries/comments'
import { useI18n } from '../i18n-context'
import { CommentForm, POSTED_NOTICES } from './comment-form'
import { CommentItem } from './comment-list'

export interface PostedNoticeProps {
  articleId: number
  /** Set for a reply: the main form stays where it is, so only the notice replaces the reply form. */
  parentId: number | null
  kind: 'approved' | 'pending'
  turnstileSiteKey?: string
}

/** A fresh, empty form with the notice; for a reply, just the notice. */
export function PostedNotice(props: PostedNoticeProps) {
  const notice = POSTED_NOTICES[props.kind]
  const i18n = useI18n()
  if (props.parentId) {
    return (
      <p class={`notice notice--${notice.kind}`} role="status">
        {i18n.t(`form.${notice.kind}`)}
      </p>
    )
  }
  return (
    <CommentForm
      articleId={props.articleId}
      notice={notice}
      turnstileSiteKey={props.turnstileSiteKey}
    />
  )
}

export interface PublishedCommentProps extends PostedNoticeProps {
  comment: CommentView
  articleSlug: string
  timeZone: string
}

/** The notice, plus the published comment swapped into its list (or its parent's replies). */
export function PublishedComment(props: PublishedCommentProps) {
  const { comment, articleId, articleSlug, timeZone } = props
  const target = comment.parentId ? `#replies-${comment.parentId}` : '#comments-list'
  // The <ol> keeps the fragment valid HTML (an <li> needs a list); strip:true drops it on swap.
  return (
    <>
      <PostedNotice {...props} />
      <hx-partial data-hx-target={target} data-hx-swap="beforeend strip:true">
        <ol>
          {/* It was just accepted, so comments are open. */}
          <CommentItem
            comment={comment}
            context={{ articleId, articleSlug, timeZone, open: true }}
          />
        </ol>
      </hx-partial>
    </>
  )
}
