// Correction and clarification notes on an article, each with its date, above or below the body.

import { raw } from 'hono/html'
import type { CorrectionNote } from '../../db/queries/corrections'
import type { CorrectionPlacement } from '../../lib/trust-vocabulary'
import { useI18n } from '../i18n-context'

export const KIND_LABELS = { correction: 'Correction', clarification: 'Clarification' } as const

export interface CorrectionNotesProps {
  notes: readonly CorrectionNote[]
  placement: CorrectionPlacement
  timeZone: string
}

export function CorrectionNotes({ notes, placement, timeZone }: CorrectionNotesProps) {
  const i18n = useI18n()
  const shown = notes.filter((note) => note.placement === placement)
  if (shown.length === 0) return null
  return (
    <aside class={`corrections corrections--${placement}`} aria-label={i18n.t('corrections.label')}>
      {shown.map((note) => (
        <div class="correction" id={`correction-${note.id}`}>
          <p class="correction__label">
            <strong>{i18n.t(`corrections.${note.kind}`)}</strong>,{' '}
            <time datetime={note.correctedAt.toISOString()}>
              {i18n.dateTime(note.correctedAt, timeZone)}
            </time>
          </p>
          {/* Rendered from Markdown and sanitised when the note was saved, as article bodies are. */}
          <div class="correction__body">{raw(note.bodyHtml)}</div>
        </div>
      ))}
      <p class="corrections__more">
        <a href="/corrections">{i18n.t('corrections.all')}</a>
      </p>
    </aside>
  )
}
