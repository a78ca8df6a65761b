// The admin's form for a new API token: its name, the account it acts as, and its scopes.
import type { UserListItem } from '../../../db/queries/users'
import { CsrfField } from './csrf-field'
import { Field, fieldAria } from './field'

export interface TokenFormValues {
  name: string
  userId: string
  scopes: string[]
}

export function NewTokenForm(props: {
  csrf: string
  users: UserListItem[]
  scopes: readonly string[]
  values: TokenFormValues
  errors: Record<string, string>
}) {
  const { csrf, users, scopes, values: form, errors } = props
  return (
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
  )
}
