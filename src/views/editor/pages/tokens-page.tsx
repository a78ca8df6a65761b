// API tokens (admins only): create a scoped token for an account, see when each was used, revoke.
import type { ApiTokenListItem } from '../../../db/queries/api-tokens'
import type { UserListItem } from '../../../db/queries/users'
import { formatDateTime } from '../../../lib/time'
import type { EditorChrome, Notice } from '../chrome'
import { CsrfField } from '../components/csrf-field'
import { Field, fieldAria } from '../components/field'
import { NoticeMessage } from '../components/notice'
import { SecretOnce } from '../components/secret-once'
import { EditorLayout } from '../layout'

export interface TokensPageProps {
  chrome: EditorChrome
  tokens: ApiTokenListItem[]
  users: UserListItem[]
  scopes: readonly string[]
  notice?: Notice
  secret?: { label: string; value: string }
  form?: { name: string; userId: string; scopes: string[] }
  errors?: Record<string, string>
}

export function TokensPage(props: TokensPageProps) {
  const { chrome, tokens, users, scopes, errors = {} } = props
  const form = props.form ?? { name: '', userId: '', scopes: ['articles:read'] }
  const csrf = chrome.csrfToken ?? ''
  const tz = chrome.site.timeZone
  return (
    <EditorLayout chrome={chrome} title="API tokens">
      <h1>API tokens</h1>
      <NoticeMessage notice={props.notice} />
      {props.secret ? <SecretOnce {...props.secret} /> : null}
      <section class="panel" aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">Create a token</h2>
        <form method="post" action="/editor/tokens" class="editor-form" novalidate>
          <CsrfField token={csrf} />
          <Field
            id="token-name"
            label="Name"
            error={errors.name}
            hint="What will use it, e.g. “Wire importer”."
          >
            <input
              {...fieldAria('token-name', errors.name, true)}
              name="name"
              type="text"
              required
              maxlength={80}
              value={form.name}
            />
          </Field>
          <Field
            id="token-user"
            label="Acts as"
            error={errors.userId}
            hint="The token can never do more than this account's role allows."
          >
            <select {...fieldAria('token-user', errors.userId, true)} name="user_id" required>
              <option value="">Choose an account</option>
              {users
                .filter((user) => !user.disabled)
                .map((user) => (
                  <option value={String(user.id)} selected={form.userId === String(user.id)}>
                    {`${user.name} (${user.role})`}
                  </option>
                ))}
            </select>
          </Field>
          <fieldset
            class="field-group"
            aria-invalid={errors.scopes ? 'true' : undefined}
            aria-describedby={errors.scopes ? 'token-scopes-error' : undefined}
          >
            <legend>Scopes</legend>
            {scopes.map((scope) => (
              <div class="field field--checkbox">
                <input
                  id={`scope-${scope}`}
                  name="scopes"
                  type="checkbox"
                  value={scope}
                  checked={form.scopes.includes(scope)}
                />
                <label for={`scope-${scope}`}>
                  <code>{scope}</code>
                </label>
              </div>
            ))}
            {errors.scopes ? (
              <p class="field-error" id="token-scopes-error">
                {errors.scopes}
              </p>
            ) : null}
          </fieldset>
          <button type="submit">Create token</button>
        </form>
      </section>
      {tokens.length === 0 ? (
        <p class="empty">No tokens yet.</p>
      ) : (
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
      )}
    </EditorLayout>
  )
}
