// The approved comments of an article, a page at a time; "Load more" swaps itself for the next page.

import type { CommentView } from '../../db/queries/comments'
import type { Edition } from '../../lib/editions'
import { CommentBody } from '../components/comment-body'
import { RelativeTime } from '../components/relative-time'
import { useI18n } from '../i18n-context'

export interface CommentContext {
  articleId: number
  articleSlug: string
  timeZone: string
  /** Readers may still comment: reply links are offered only then. */
  open: boolean
}

export interface CommentPageProps extends CommentContext {
  comments: CommentView[]
  nextCursor: string | null
}

/** The reply form's fragment; outside the default edition it says which, for its words. */
function replyFormPath(articleId: number, commentId: number, edition: Edition): string {
  const path = `/fragments/articles/${articleId}/comments/${commentId}/reply-form`
  return edition.prefix ? `${path}?edition=${edition.code}` : path
}

export function CommentItem({
  comment,
  context,
}: {
  comment: CommentView
  context: CommentContext
}) {
  const isTopLevel = comment.parentId === null
  const i18n = useI18n()
  // A reader's name may be in any script: <bdi> keeps it from reordering the text around it.
  return (
    <li class="comment" id={`comment-${comment.id}`}>
      <article aria-label={i18n.t('comments.by', { name: comment.authorName })}>
        <header class="comment__meta">
          <strong class="comment__author">
            <bdi>{comment.authorName}</bdi>
          </strong>{' '}
          <RelativeTime date={comment.createdAt} timeZone={context.timeZone} />
        </header>
        <CommentBody text={comment.body} />
        {isTopLevel && context.open ? (
          <a
            class="comment__reply"
            href={`/news/${context.articleSlug}/comments?reply_to=${comment.id}#reply-form-${comment.id}`}
            data-hx-get={replyFormPath(context.articleId, comment.id, i18n.edition)}
            data-hx-target={`#reply-slot-${comment.id}`}
            data-hx-swap="innerHTML"
          >
            {i18n.t('comments.reply')}
            <span class="visually-hidden">
              {i18n.t('comments.replyTo', { name: comment.authorName })}
            </span>
          </a>
        ) : null}
      </article>
      {isTopLevel ? (
        <>
          <div id={`reply-slot-${comment.id}`} class="comment__reply-slot" />
          <ol class="comment__replies" id={`replies-${comment.id}`}>
            {(comment.replies ?? []).map((reply) => (
              <CommentItem comment={reply} context={context} />
            ))}
          </ol>
        </>
      ) : null}
    </li>
  )
}

/** One page of comments plus the control for the next; also the body of the fragment endpoint. */
export function CommentPage({ comments, nextCursor, ...context }: CommentPageProps) {
  const cursor = nextCursor ? encodeURIComponent(nextCursor) : null
  const i18n = useI18n()
  return (
    <>
      {comments.map((comment) => (
        <CommentItem comment={comment} context={context} />
      ))}
      {cursor ? (
        <li class="comments__more">
          <a
            class="button-link"
            href={`/news/${context.articleSlug}/comments?cursor=${cursor}`}
            data-hx-get={`/fragments/articles/${context.articleId}/comments?cursor=${cursor}`}
            data-hx-target="closest li"
            data-hx-swap="outerHTML"
          >
            {i18n.t('comments.loadMore')}
          </a>
        </li>
      ) : null}
    </>
  )
}
