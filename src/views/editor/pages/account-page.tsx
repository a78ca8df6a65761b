// The signed-in person's own account: who they are here, and changing their password.
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../lib/password-limits'
import type { EditorChrome, Notice } from '../chrome'
import { CsrfField } from '../components/csrf-field'
import { Field, fieldAria } from '../components/field'
import { NoticeMessage } from '../components/notice'
import { EditorLayout } from '../layout'

export interface AccountPageProps {
  chrome: EditorChrome
  email: string
  notice?: Notice
  errors?: Partial<Record<'current_password' | 'new_password' | 'confirm_password', string>>
}

/** One password input; what was typed is never sent back, whatever went wrong. */
function PasswordField(props: {
  name: 'current_password' | 'new_password' | 'confirm_password'
  label: string
  autocomplete: 'current-password' | 'new-password'
  error?: string
  hint?: string
}) {
  const id = `account-${props.name.replace('_', '-')}`
  return (
    <Field id={id} label={props.label} error={props.error} hint={props.hint}>
      <input
        {...fieldAria(id, props.error, Boolean(props.hint))}
        name={props.name}
        type="password"
        autocomplete={props.autocomplete}
        required
        maxlength={PASSWORD_MAX}
      />
    </Field>
  )
}

export function AccountPage(props: AccountPageProps) {
  const { chrome, email, notice, errors = {} } = props
  return (
    <EditorLayout chrome={chrome} title="Your account">
      <h1>Your account</h1>
      <p>
        Signed in as {chrome.user?.name} ({email}), {chrome.user?.role}.
      </p>
      <section aria-labelledby="password-heading" class="panel">
        <h2 id="password-heading">Change your password</h2>
        <NoticeMessage notice={notice} />
        <form method="post" action="/editor/account/password" class="editor-form" novalidate>
          <CsrfField token={chrome.csrfToken ?? ''} />
          {/* Lets password managers tie the new password to the right account. */}
          <input type="hidden" name="username" autocomplete="username" value={email} />
          <PasswordField
            name="current_password"
            label="Current password"
            autocomplete="current-password"
            error={errors.current_password}
          />
          <PasswordField
            name="new_password"
            label="New password"
            autocomplete="new-password"
            error={errors.new_password}
            hint={`At least ${PASSWORD_MIN} characters; a few unrelated words work well.`}
          />
          <PasswordField
            name="confirm_password"
            label="New password again"
            autocomplete="new-password"
            error={errors.confirm_password}
          />
          <button type="submit">Change password</button>
        </form>
        <p class="field-hint">
          Changing it signs you out everywhere else: other browsers and devices have to sign in
          again. This one stays signed in.
        </p>
      </section>
    </EditorLayout>
  )
}
