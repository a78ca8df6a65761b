// Account administration (admins only): create, change role, disable, enable and reset passwords.
import { Hono } from 'hono'
import { listUsers } from '../../db/queries/users'
import { allow, type EditorEnv } from '../../middleware/auth'
import {
  changeUserRole,
  createUser,
  resetUserPassword,
  setUserDisabled,
} from '../../services/auth-users'
import { InvalidFields } from '../../services/editorial-input'
import { UsersPage, type UsersPageProps } from '../../views/editor/pages/users-page'
import { type EditorContext, editorChrome, formText, parseId, readForm } from './context'

async function renderUsers(
  c: EditorContext,
  extra: Omit<UsersPageProps, 'chrome' | 'users' | 'currentUserId'> = {},
) {
  const users = await listUsers(c.var.db)
  return c.render(
    <UsersPage
      chrome={editorChrome(c, 'users')}
      users={users}
      currentUserId={c.var.user.id}
      {...extra}
    />,
  )
}

function revokedNote(count: number): string {
  if (count === 0) return ''
  return count === 1 ? ' Its API token was revoked.' : ` Its ${count} API tokens were revoked.`
}

export const users = new Hono<EditorEnv>()
  .use('/users', allow('admin'))
  .use('/users/*', allow('admin'))
  .get('/users', (c) => renderUsers(c))
  .post('/users', async (c) => {
    const form = await readForm(c)
    const input = {
      email: formText(form, 'email'),
      name: formText(form, 'name'),
      role: formText(form, 'role'),
    }
    try {
      const { password } = await createUser(
        c.var.db,
        c.var.user,
        input,
        c.var.config.auth.passwordIterations,
      )
      c.status(201)
      return renderUsers(c, {
        notice: {
          kind: 'success',
          text: `Account created for ${input.email.trim().toLowerCase()}.`,
        },
        secret: { label: 'Their password:', value: password },
      })
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error
      c.status(422)
      return renderUsers(c, { form: input, errors: error.fields })
    }
  })
  .post('/users/:id/disable', async (c) => {
    const id = parseId(c.req.param('id'), 'account')
    const { revokedTokens } = await setUserDisabled(c.var.db, c.var.user, id, true)
    const text = `Account disabled and signed out.${revokedNote(revokedTokens)}`
    return renderUsers(c, { notice: { kind: 'success', text } })
  })
  .post('/users/:id/enable', async (c) => {
    const id = parseId(c.req.param('id'), 'account')
    const { revokedTokens } = await setUserDisabled(c.var.db, c.var.user, id, false)
    const text = `Account enabled.${revokedNote(revokedTokens)} New tokens can be created for it.`
    return renderUsers(c, { notice: { kind: 'success', text } })
  })
  .post('/users/:id/role', async (c) => {
    const id = parseId(c.req.param('id'), 'account')
    const role = formText(await readForm(c), 'role')
    try {
      await changeUserRole(c.var.db, c.var.user, id, role)
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error
      c.status(422)
      return renderUsers(c, { notice: { kind: 'error', text: error.fields.role ?? error.message } })
    }
    return renderUsers(c, { notice: { kind: 'success', text: `Role changed to ${role}.` } })
  })
  .post('/users/:id/reset-password', async (c) => {
    const id = parseId(c.req.param('id'), 'account')
    const { password, revokedTokens } = await resetUserPassword(c.var.db, c.var.user, id, {
      iterations: c.var.config.auth.passwordIterations,
      revokeTokens: formText(await readForm(c), 'revoke_tokens') === '1',
    })
    const text = `Password reset; their sessions have ended.${revokedNote(revokedTokens)}`
    return renderUsers(c, {
      notice: { kind: 'success', text },
      secret: { label: 'The new password:', value: password },
    })
  })
