// Two versions of an article side by side: changed fields in a table, the body as a line diff.
import type { DiffLine, VersionView } from '../../../services/editorial-revisions'

const FIELDS: { key: keyof VersionView; label: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'slug', label: 'Slug' },
  { key: 'summary', label: 'Summary' },
  { key: 'category', label: 'Section' },
  { key: 'tags', label: 'Tags' },
  { key: 'byline', label: 'Byline' },
  { key: 'image', label: 'Image' },
  { key: 'language', label: 'Language' },
]

function show(value: VersionView[keyof VersionView]): string {
  return Array.isArray(value) ? value.join(', ') : String(value)
}

export function VersionDiff(props: { from: VersionView; to: VersionView; body: DiffLine[] }) {
  const { from, to, body } = props
  const changed = FIELDS.filter(({ key }) => show(from[key]) !== show(to[key]))
  const edits = body.filter((line) => line.kind !== 'same').length
  return (
    <section class="version-diff" aria-labelledby="version-diff-heading">
      <h2 id="version-diff-heading">
        {from.label} → {to.label}
      </h2>
      {changed.length === 0 ? (
        <p>The title, summary and details are the same.</p>
      ) : (
        <table class="editor-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">{from.label}</th>
              <th scope="col">{to.label}</th>
            </tr>
          </thead>
          <tbody>
            {changed.map(({ key, label }) => (
              <tr>
                <th scope="row">{label}</th>
                <td>
                  <del>{show(from[key]) || '—'}</del>
                </td>
                <td>
                  <ins>{show(to[key]) || '—'}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Body</h3>
      {edits === 0 ? (
        <p>The body is the same.</p>
      ) : (
        <ol class="line-diff" aria-label={`Body: ${edits} changed lines`}>
          {body.map((line) =>
            line.kind === 'same' ? (
              <li class="line-diff__same">{line.text || '\u00a0'}</li>
            ) : line.kind === 'added' ? (
              <li class="line-diff__added">
                <span class="visually-hidden">Added: </span>
                <ins>{line.text || '\u00a0'}</ins>
              </li>
            ) : (
              <li class="line-diff__removed">
                <span class="visually-hidden">Removed: </span>
                <del>{line.text || '\u00a0'}</del>
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  )
}
