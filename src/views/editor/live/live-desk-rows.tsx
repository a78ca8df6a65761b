// The desk's list of updates, newest first, each with edit, pin and delete for editors.
import { raw } from 'hono/html'
import type { LiveDesk } from '../../../db/queries/live-updates'
import { RelativeTime } from '../../components/relative-time'
import { CsrfField } from '../components/csrf-field'
import { type LiveFormValues, LiveUpdateForm } from './live-update-form'

type DeskUpdate = LiveDesk['updates'][number]

export interface EditingUpdate {
  id: number
  values: LiveFormValues
  error: string
}

function ActionButton(props: {
  action: string
  csrfToken: string
  label: string
  fields?: Record<string, string>
  confirm?: string
}) {
  return (
    <form
      method="post"
      action={props.action}
      data-hx-post={props.action}
      data-hx-target="#live-desk"
      data-hx-swap="outerHTML"
    >
      <CsrfField token={props.csrfToken} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class="button--quiet" data-confirm={props.confirm}>
        {props.label}
      </button>
    </form>
  )
}

export function LiveDeskRows(props: {
  base: string
  updates: DeskUpdate[]
  csrfToken: string
  timeZone: string
  canCorrect: boolean
  editing?: EditingUpdate
}) {
  const { base, updates, csrfToken, timeZone, canCorrect, editing } = props
  if (updates.length === 0) return <p class="live-desk__empty">No updates yet.</p>
  return (
    <ol class="live-desk__updates">
      {updates.map((update) => {
        const action = `${base}/updates/${update.id}`
        const edit = editing?.id === update.id ? editing : undefined
        return (
          <li id={`desk-update-${update.id}`} class="live-desk__update">
            <p class="live-update__meta">
              <RelativeTime date={update.createdAt} timeZone={timeZone} />
              {update.pinned ? <span class="live-update__flag">Pinned</span> : null}
              {update.keyEvent ? <span class="live-update__flag">Key event</span> : null}
              <span>{update.authorName ?? 'Unknown'}</span>
            </p>
            <div class="live-update__body">{raw(update.bodyHtml)}</div>
            {canCorrect ? (
              <div class="live-desk__actions">
                <details open={edit !== undefined}>
                  <summary>Edit</summary>
                  <LiveUpdateForm
                    action={action}
                    csrfToken={csrfToken}
                    idPrefix={`edit-${update.id}`}
                    submitLabel="Save correction"
                    error={edit?.error}
                    values={
                      edit?.values ?? {
                        body: update.bodyMd,
                        keyEvent: update.keyEvent,
                        imageUrl: update.imageUrl ?? '',
                        imageAlt: update.imageAlt,
                      }
                    }
                  />
                </details>
                <ActionButton
                  action={`${action}/pin`}
                  csrfToken={csrfToken}
                  label={update.pinned ? 'Unpin' : 'Pin'}
                  fields={{ pinned: update.pinned ? '0' : '1' }}
                />
                <ActionButton
                  action={`${action}/delete`}
                  csrfToken={csrfToken}
                  label="Delete"
                  confirm="Delete this update for every reader?"
                />
              </div>
            ) : null}
          </li>
        )
      })}
    </ol>
  )
}
