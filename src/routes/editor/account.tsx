// The signed-in person's own account page, where they change their password.
import { Hono } from 'hono'
import { type EditorEnv, setSessionCookie } from '../../middleware/auth'
import { toAppError } from '../../middleware/errors'
import { changeOwnPassword } from '../../services/auth-password-change'
import { clientIp, hashClientIp } from '../../services/client-ip'
import { InvalidFields } from '../../services/editorial-input'
import type { Notice } from '../../views/editor/chrome'
import { AccountPage, type AccountPageProps } from '../../views/editor/pages/account-page'
import { type EditorContext, editorChrome, formText, readForm } from './context'

function renderAccount(c: EditorContext, extra: Omit<AccountPageProps, 'chrome' | 'email'> = {}) {
  return c.render(
    <AccountPage chrome={editorChrome(c, 'account')} email={c.var.user.email} {...extra} />,
  )
}

const CHANGED: Notice = {
  kind: 'success',
  text: 'Password changed. Every other session has ended; this one continues.',
}

export const account = new Hono<EditorEnv>()
  .get('/account', (c) =>
    renderAccount(c, { notice: c.req.query('changed') === '1' ? CHANGED : undefined }),
  )
  .post('/account/password', async (c) => {
    const { db, config, user } = c.var
    const form = await readForm(c)
    try {
      const session = await changeOwnPassword(db, config.auth, user, {
        current: formText(form, 'current_password'),
        next: formText(form, 'new_password'),
        confirm: formText(form, 'confirm_password'),
        ipHash: await hashClientIp(clientIp(c.req.raw.headers), config.ipHashSalt),
        now: new Date(),
      })
      // The old session is gone: this browser carries on with the new one.
      setSessionCookie(c, session)
      return c.redirect('/editor/account?changed=1', 303)
    } catch (error) {
      if (error instanceof InvalidFields) {
        c.status(422)
        return renderAccount(c, { errors: error.fields })
      }
      const appError = toAppError(error)
      if (appError.code !== 'RATE_LIMITED') throw error
      c.status(429)
      c.header('Retry-After', String(appError.retryAfter ?? 1))
      return renderAccount(c, { notice: { kind: 'error', text: appError.message } })
    }
  })
