// A secret shown exactly once (a new password or API token), with a copy button where JS runs.

export function SecretOnce({ label, value }: { label: string; value: string }) {
  return (
    <div class="secret-once" role="status">
      <p>
        <strong>{label}</strong> It is shown only this once: copy it now and hand it over safely.
      </p>
      <p class="secret-once__value">
        <code id="secret-value">{value}</code>{' '}
        <button type="button" class="button--quiet" data-copy="secret-value" hidden>
          Copy
        </button>
      </p>
    </div>
  )
}
