// The approved comments of an article, a page at a time; "Load more" swaps itself for the next page.
import type { CommentView } from '../../db/queries/comments'
import { CommentBody } from '../components/comment-body'
import { RelativeTime } from '../components/relative-time'

export interface CommentPageProps {
  articleId: number
  articleSlug: string
  comments: CommentView[]
  nextCursor: string | null
  timeZone: string
}

export function CommentItem({ comment, timeZone }: { comment: CommentView; timeZone: string }) {
  return (
    <li class="comment" id={`comment-${comment.id}`}>
      <article aria-label={`Comment by ${comment.authorName}`}>
        <header class="comment__meta">
          <strong class="comment__author">{comment.authorName}</strong>{' '}
          <RelativeTime date={comment.createdAt} timeZone={timeZone} />
        </header>
        <CommentBody text={comment.body} />
      </article>
      {comment.replies && comment.replies.length > 0 ? (
        <ol class="comment__replies">
          {comment.replies.map((reply) => (
            <CommentItem comment={reply} timeZone={timeZone} />
          ))}
        </ol>
      ) : null}
    </li>
  )
}

/** One page of comments plus the control for the next; also the body of the fragment endpoint. */
export function CommentPage(props: CommentPageProps) {
  const { articleId, articleSlug, comments, nextCursor, timeZone } = props
  const nextUrl = nextCursor
    ? `/fragments/articles/${articleId}/comments?cursor=${encodeURIComponent(nextCursor)}`
    : null
  return (
    <>
      {comments.map((comment) => (
        <CommentItem comment={comment} timeZone={timeZone} />
      ))}
      {nextUrl ? (
        <li class="comments__more">
          <a
            class="button-link"
            href={`/news/${articleSlug}/comments?cursor=${encodeURIComponent(nextCursor ?? '')}`}
            hx-get={nextUrl}
            hx-target="closest li"
            hx-swap="outerHTML"
          >
            Load more comments
          </a>
        </li>
      ) : null}
    </>
  )
}
