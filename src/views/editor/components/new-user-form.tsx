// The admin's form for a new newsroom account: email, name and role; the password is generated.
import { USER_ROLES } from '../../../lib/vocabulary'
import { CsrfField } from './csrf-field'
import { Field, fieldAria } from './field'

export function NewUserForm(props: {
  csrf: string
  values: { email: string; name: string; role: string }
  errors: Record<string, string>
}) {
  const { csrf, values: form, errors } = props
  return (
    <section aria-labelledby="new-user-heading" class="panel">
      <h2 id="new-user-heading">Add an account</h2>
      <form method="post" action="/editor/users" class="editor-form editor-form--inline" novalidate>
        <CsrfField token={csrf} />
        <Field id="user-email" label="Email" error={errors.email}>
          <input
            {...fieldAria('user-email', errors.email)}
            name="email"
            type="email"
            required
            maxlength={254}
            value={form.email}
          />
        </Field>
        <Field id="user-name" label="Name" error={errors.name}>
          <input
            {...fieldAria('user-name', errors.name)}
            name="name"
            type="text"
            required
            maxlength={120}
            value={form.name}
          />
        </Field>
        <Field id="user-role" label="Role" error={errors.role}>
          <select {...fieldAria('user-role', errors.role)} name="role">
            {USER_ROLES.map((role) => (
              <option value={role} selected={form.role === role}>
                {role}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit">Create account</button>
      </form>
      <p class="field-hint">
        A password is generated and shown once. Authors write and submit; editors also publish and
        moderate; admins also manage accounts and tokens.
      </p>
    </section>
  )
}
