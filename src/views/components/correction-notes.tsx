// Correction and clarification notes on an article, each with its date, above or below the body.
import { raw } from 'hono/html'
import type { CorrectionNote } from '../../db/queries/corrections'
import { formatDateTime } from '../../lib/time'
import type { CorrectionPlacement } from '../../lib/trust-vocabulary'

export const KIND_LABELS = { correction: 'Correction', clarification: 'Clarification' } as const

export interface CorrectionNotesProps {
  notes: readonly CorrectionNote[]
  placement: CorrectionPlacement
  timeZone: string
}

export function CorrectionNotes({ notes, placement, timeZone }: CorrectionNotesProps) {
  const shown = notes.filter((note) => note.placement === placement)
  if (shown.length === 0) return null
  return (
    <aside
      class={`corrections corrections--${placement}`}
      aria-label="Corrections and clarifications"
    >
      {shown.map((note) => (
        <div class="correction" id={`correction-${note.id}`}>
          <p class="correction__label">
            <strong>{KIND_LABELS[note.kind]}</strong>,{' '}
            <time datetime={note.correctedAt.toISOString()}>
              {formatDateTime(note.correctedAt, timeZone)}
            </time>
          </p>
          {/* Rendered from Markdown and sanitised when the note was saved, as article bodies are. */}
          <div class="correction__body">{raw(note.bodyHtml)}</div>
        </div>
      ))}
      <p class="corrections__more">
        <a href="/corrections">All corrections</a>
      </p>
    </aside>
  )
}
