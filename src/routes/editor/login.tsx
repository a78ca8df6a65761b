// Signing in and out of the newsroom: throttled, with rotated sessions and the same error for all.
import { Hono } from 'hono'
import { PASSWORD_MAX } from '../../lib/password-limits'
import {
  clearSessionCookie,
  type EditorEnv,
  readDeviceCookie,
  readSessionToken,
  setDeviceCookie,
  setSessionCookie,
} from '../../middleware/auth'
import { toAppError } from '../../middleware/errors'
import { signIn, signOut } from '../../services/auth'
import { clientIp, hashClientIp } from '../../services/client-ip'
import { resolveSession } from '../../services/sessions'
import { LoginPage } from '../../views/editor/pages/login-page'
import { editorChrome, formText, readForm, safeNext } from './context'

export const login = new Hono<EditorEnv>()
  .get('/login', async (c) => {
    const { db, config } = c.var
    const next = safeNext(c.req.query('next'))
    const session = await resolveSession(
      db,
      readSessionToken(c),
      new Date(),
      config.auth.sessionIdleMs,
    )
    if (session) return c.redirect(next, 303)
    const signedOut = c.req.query('signed_out') === '1'
    return c.render(
      <LoginPage
        chrome={editorChrome(c)}
        next={next}
        accessEnabled={Boolean(config.auth.access)}
        notice={signedOut ? { kind: 'info', text: 'You have signed out.' } : undefined}
      />,
    )
  })
  .post('/login', async (c) => {
    const { db, config } = c.var
    const form = await readForm(c)
    const email = formText(form, 'email').trim().slice(0, 254)
    const password = formText(form, 'password')
    const next = safeNext(formText(form, 'next'))
    const page = (status: number, props: Partial<Parameters<typeof LoginPage>[0]>) => {
      c.status(status as 401)
      return c.render(<LoginPage chrome={editorChrome(c)} email={email} next={next} {...props} />)
    }
    const errors = {
      email: email ? undefined : 'Enter your email address.',
      password: password ? undefined : 'Enter your password.',
    }
    if (errors.email || errors.password) return page(422, { errors })
    if (password.length > PASSWORD_MAX) {
      return page(422, { errors: { password: 'That password is too long.' } })
    }

    try {
      const { session, deviceCookie } = await signIn(db, config, {
        email,
        password,
        ipHash: await hashClientIp(clientIp(c.req.raw.headers), config.ipHashSalt),
        previousToken: readSessionToken(c),
        deviceCookie: readDeviceCookie(c),
        now: new Date(),
      })
      setSessionCookie(c, session)
      setDeviceCookie(c, deviceCookie)
      return c.redirect(next, 303)
    } catch (error) {
      const appError = toAppError(error)
      if (!['UNAUTHORIZED', 'RATE_LIMITED', 'FORBIDDEN'].includes(appError.code)) throw error
      if (appError.retryAfter) c.header('Retry-After', String(appError.retryAfter))
      const status = { UNAUTHORIZED: 401, RATE_LIMITED: 429, FORBIDDEN: 403 }[
        appError.code as 'FORBIDDEN'
      ]
      return page(status, { notice: { kind: 'error', text: appError.message } })
    }
  })
  .post('/logout', async (c) => {
    await signOut(c.var.db, c.var.user, readSessionToken(c))
    clearSessionCookie(c)
    return c.redirect('/editor/login?signed_out=1', 303)
  })
