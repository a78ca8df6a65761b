// The newsroom sign-in form: email and password, with the email kept and the error said plainly.
import type { EditorChrome, Notice } from '../chrome'
import { Field, fieldAria } from '../components/field'
import { NoticeMessage } from '../components/notice'
import { EditorLayout } from '../layout'

export interface LoginPageProps {
  chrome: EditorChrome
  email?: string
  /** Where to go after signing in; already checked to be a newsroom path. */
  next?: string
  notice?: Notice
  errors?: { email?: string; password?: string }
  /** With Cloudflare Access configured, signing in through Access is the usual way in. */
  accessEnabled?: boolean
}

export function LoginPage(props: LoginPageProps) {
  const { chrome, email = '', next, notice, errors = {}, accessEnabled } = props
  return (
    <EditorLayout chrome={chrome} title="Sign in">
      <section class="login">
        <h1>Sign in to the newsroom</h1>
        <NoticeMessage notice={notice} />
        <form method="post" action="/editor/login" class="editor-form" novalidate>
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <Field id="login-email" label="Email" error={errors.email}>
            <input
              {...fieldAria('login-email', errors.email)}
              name="email"
              type="email"
              autocomplete="username"
              required
              maxlength={254}
              value={email}
            />
          </Field>
          <Field id="login-password" label="Password" error={errors.password}>
            <input
              {...fieldAria('login-password', errors.password)}
              name="password"
              type="password"
              autocomplete="current-password"
              required
              maxlength={1024}
            />
          </Field>
          <button type="submit">Sign in</button>
        </form>
        {accessEnabled ? (
          <p class="field-hint">
            Your organisation signs you in through Cloudflare Access; this form is the fallback.
          </p>
        ) : null}
      </section>
    </EditorLayout>
  )
}
