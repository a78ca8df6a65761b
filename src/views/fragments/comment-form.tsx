// The comment form: a plain POST without JavaScript, an htmx swap with it; errors sit by their fields.

import { BODY_MAX, NAME_MAX } from '../../lib/comment-input-limits'
import type { FieldErrors } from '../../services/comment-input'
import { TURNSTILE_SCRIPT_URL } from '../assets'
import { useI18n } from '../i18n-context'

export type CommentNotice = { kind: 'approved' | 'pending' | 'error'; text: string }

/** What a reader is told after posting, with or without JavaScript. */
export const POSTED_NOTICES = {
  approved: { kind: 'approved', text: 'Thank you. Your comment is published.' },
  pending: {
    kind: 'pending',
    text: 'Thank you. Your comment will appear once a moderator has approved it.',
  },
} as const satisfies Record<string, CommentNotice>

export interface CommentFormProps {
  articleId: number
  values?: { authorName?: string; body?: string; parentId?: number | null; idempotencyKey?: string }
  errors?: FieldErrors
  notice?: CommentNotice
  turnstileSiteKey?: string
  /** Replying to this comment; the form says so and offers a way back. */
  replyTo?: { id: number; authorName: string }
}

export function CommentForm(props: CommentFormProps) {
  const { articleId, values = {}, errors = {}, notice, turnstileSiteKey, replyTo } = props
  const action = `/articles/${articleId}/comments`
  // A reply form can sit on the page next to the main one, so every id carries the form's id.
  const formId = replyTo ? `reply-form-${replyTo.id}` : 'comment-form'
  const id = (name: string) => `${formId}-${name}`
  const i18n = useI18n()
  // The two posted notices are the page's words; an error notice carries its own text.
  const noticeText =
    notice && notice.kind !== 'error' ? i18n.t(`form.${notice.kind}`) : notice?.text
  const described = (field: keyof FieldErrors) =>
    errors[field] ? `${id(`${field}-hint`)} ${id(`${field}-error`)}` : id(`${field}-hint`)
  return (
    <form
      id={formId}
      class="comment-form"
      method="post"
      action={action}
      data-hx-post={action}
      data-hx-target="this"
      data-hx-swap="outerHTML"
      data-hx-disable="find button"
      data-comment-form
      novalidate
    >
      <h3 class="comment-form__title">
        {replyTo
          ? i18n.rich('form.replyTo', { name: <bdi>{replyTo.authorName}</bdi> })
          : i18n.t('form.leave')}
      </h3>
      {notice ? (
        <p
          class={`notice notice--${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {noticeText}
        </p>
      ) : null}
      {errors.form ? (
        <p class="field-error" id={id('form-error')} role="alert">
          {errors.form}
        </p>
      ) : null}
      {replyTo || values.parentId ? (
        <input type="hidden" name="parent_id" value={String(replyTo?.id ?? values.parentId)} />
      ) : null}
      {errors.parentId ? <p class="field-error">{errors.parentId}</p> : null}
      <input type="hidden" name="idempotency_key" value={values.idempotencyKey ?? ''} />
      <input type="hidden" name="edition" value={i18n.lang} />
      <div class="field">
        <label for={id('author')}>{i18n.t('form.name')}</label>
        <input
          id={id('author')}
          name="author_name"
          type="text"
          autocomplete="name"
          maxlength={NAME_MAX}
          required
          value={values.authorName ?? ''}
          aria-invalid={errors.authorName ? 'true' : undefined}
          aria-describedby={described('authorName')}
        />
        <p class="field-hint" id={id('authorName-hint')}>
          {i18n.t('form.nameHint', { max: NAME_MAX })}
        </p>
        {errors.authorName ? (
          <p class="field-error" id={id('authorName-error')}>
            {errors.authorName}
          </p>
        ) : null}
      </div>
      <div class="field">
        <label for={id('body')}>{i18n.t(replyTo ? 'form.reply' : 'form.comment')}</label>
        <textarea
          id={id('body')}
          name="body"
          rows={5}
          maxlength={BODY_MAX}
          required
          aria-invalid={errors.body ? 'true' : undefined}
          aria-describedby={described('body')}
        >
          {values.body ?? ''}
        </textarea>
        <p class="field-hint" id={id('body-hint')}>
          {i18n.t('form.bodyHint', { max: BODY_MAX })}
        </p>
        {errors.body ? (
          <p class="field-error" id={id('body-error')}>
            {errors.body}
          </p>
        ) : null}
      </div>
      {/* A honeypot: hidden from people (and from screen readers), filled in only by bots. */}
      <div class="honeypot" aria-hidden="true">
        <label for={id('website')}>{i18n.t('form.honeypot')}</label>
        <input id={id('website')} name="website" type="text" tabindex={-1} autocomplete="off" />
      </div>
      {turnstileSiteKey ? (
        <>
          <div class="cf-turnstile" data-sitekey={turnstileSiteKey} />
          <script src={TURNSTILE_SCRIPT_URL} async defer />
        </>
      ) : null}
      <button type="submit">{i18n.t(replyTo ? 'form.postReply' : 'form.postComment')}</button>
    </form>
  )
}

export function CommentsClosedNotice() {
  const i18n = useI18n()
  return (
    <p class="notice notice--closed" id="comment-form">
      {i18n.t('comments.closed')}
    </p>
  )
}
