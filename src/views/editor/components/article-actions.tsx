// The article form's buttons: save, preview, and the status moves this person may make right now.
import type { ArticleStatus } from '../../../db/schema'
import type { StatusAction } from '../../../services/editorial-status'
import { Field, fieldAria } from './field'

const LABELS: Record<StatusAction, string> = {
  submit: 'Submit for review',
  schedule: 'Schedule',
  publish: 'Publish now',
  unpublish: 'Unpublish',
  archive: 'Archive',
}

const SAVE_LABELS: Partial<Record<ArticleStatus, string>> = {
  draft: 'Save draft',
  published: 'Save and update the live page',
}

/** Destructive moves ask first (editor.js); without JavaScript the button simply submits. */
const CONFIRM: Partial<Record<StatusAction, string>> = {
  unpublish: 'Take this article off the site?',
  archive: 'Archive this article? Its page will say it was withdrawn.',
}

export interface ArticleActionsProps {
  actions: StatusAction[]
  canSave: boolean
  publishAt: string
  publishAtError?: string
  timeZone: string
  /** Absent for a new article. Saving a published one changes the live page, so the button says so. */
  status?: ArticleStatus
}

export function ArticleActions(props: ArticleActionsProps) {
  const { actions, canSave, publishAt, publishAtError, timeZone, status } = props
  const moves = actions.filter((action) => action !== 'schedule')
  return (
    <div class="article-actions">
      {canSave ? (
        <div class="article-actions__row">
          <button type="submit" name="intent" value="save">
            {SAVE_LABELS[status ?? 'draft'] ?? 'Save'}
          </button>
          <button type="submit" name="intent" value="preview" class="button--quiet">
            Preview
          </button>
        </div>
      ) : null}
      {moves.length > 0 ? (
        <div class="article-actions__row">
          {moves.map((action) => (
            <button
              type="submit"
              name="intent"
              value={action}
              class={action === 'publish' ? 'button--publish' : 'button--secondary'}
              data-confirm={
                status === 'scheduled' && action === 'unpublish' ? undefined : CONFIRM[action]
              }
            >
              {action === 'unpublish' && status === 'scheduled' ? 'Unschedule' : LABELS[action]}
            </button>
          ))}
        </div>
      ) : null}
      {actions.includes('schedule') ? (
        <div class="article-actions__schedule">
          <Field
            id="article-publish-at"
            label="Publish at"
            error={publishAtError}
            hint={`Site time (${timeZone}).`}
          >
            <input
              {...fieldAria('article-publish-at', publishAtError, true)}
              name="publish_at"
              type="datetime-local"
              value={publishAt}
            />
          </Field>
          <button type="submit" name="intent" value="schedule" class="button--secondary">
            {LABELS.schedule}
          </button>
        </div>
      ) : null}
    </div>
  )
}
