// A labelled form field with its hint and error, wired up with aria-describedby and aria-invalid.
import type { Child } from 'hono/jsx'

/** The accessibility attributes for the control inside a Field with this id. */
export function fieldAria(id: string, error?: string, hint?: boolean) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return {
    id,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': ids || undefined,
  }
}

export function Field(props: {
  id: string
  label: string
  hint?: Child
  error?: string
  class?: string
  children: Child
}) {
  const { id, label, hint, error, children } = props
  return (
    <div class={`field${props.class ? ` ${props.class}` : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {hint ? (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  )
}
