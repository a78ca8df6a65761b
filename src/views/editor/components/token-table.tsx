// Every API token with its account, scopes and use, and a revoke button on the live ones.
import type { ApiTokenListItem } from '../../../db/queries/api-tokens'
import { formatDateTime } from '../../../lib/time'
import { CsrfField } from './csrf-field'

export function TokenTable(props: { tokens: ApiTokenListItem[]; csrf: string; timeZone: string }) {
  const { tokens, csrf, timeZone: tz } = props
  if (tokens.length === 0) return <p class="empty">No tokens yet.</p>
  return (
    <table class="editor-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Acts as</th>
          <th scope="col">Scopes</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr>
            <td>{token.name}</td>
            <td>{token.userName}</td>
            <td>
              <code>{token.scopes}</code>
            </td>
            <td>{formatDateTime(token.createdAt, tz)}</td>
            <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, tz) : 'Never'}</td>
            <td class="actions">
              {token.revokedAt ? (
                `Revoked ${formatDateTime(token.revokedAt, tz)}`
              ) : (
                <form
                  method="post"
                  action={`/editor/tokens/${token.id}/revoke`}
                  class="inline-form"
                >
                  <CsrfField token={csrf} />
                  <button
                    type="submit"
                    class="button--secondary"
                    data-confirm={`Revoke “${token.name}”? Anything using it stops working.`}
                  >
                    Revoke
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
