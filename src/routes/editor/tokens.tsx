// API token administration (admins only): create (shown once) and revoke.
import { Hono } from 'hono'
import { listApiTokens } from '../../db/queries/api-tokens'
import { listUsers } from '../../db/queries/users'
import { allow, type EditorEnv } from '../../middleware/auth'
import { API_SCOPES, createApiToken, revokeApiToken } from '../../services/api-tokens'
import { InvalidFields } from '../../services/editorial-input'
import { TokensPage, type TokensPageProps } from '../../views/editor/pages/tokens-page'
import { type EditorContext, editorChrome, formList, formText, parseId, readForm } from './context'

async function renderTokens(
  c: EditorContext,
  extra: Omit<TokensPageProps, 'chrome' | 'tokens' | 'users' | 'scopes'> = {},
) {
  const [tokens, users] = await Promise.all([listApiTokens(c.var.db), listUsers(c.var.db)])
  return c.render(
    <TokensPage
      chrome={editorChrome(c, 'tokens')}
      tokens={tokens}
      users={users}
      scopes={API_SCOPES}
      {...extra}
    />,
  )
}

export const tokens = new Hono<EditorEnv>()
  .use('/tokens', allow('admin'))
  .use('/tokens/*', allow('admin'))
  .get('/tokens', (c) => renderTokens(c))
  .post('/tokens', async (c) => {
    const form = await readForm(c)
    const input = {
      name: formText(form, 'name'),
      userId: formText(form, 'user_id'),
      scopes: formList(form, 'scopes'),
    }
    try {
      const created = await createApiToken(c.var.db, c.var.user, {
        name: input.name,
        userId: /^\d{1,15}$/.test(input.userId) ? Number(input.userId) : Number.NaN,
        scopes: input.scopes,
      })
      c.status(201)
      return renderTokens(c, {
        notice: { kind: 'success', text: `Token “${input.name.trim()}” created.` },
        secret: { label: 'The token:', value: created.token },
      })
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error
      c.status(422)
      return renderTokens(c, { form: input, errors: error.fields })
    }
  })
  .post('/tokens/:id/revoke', async (c) => {
    await revokeApiToken(c.var.db, c.var.user, parseId(c.req.param('id'), 'token'), new Date())
    return renderTokens(c, { notice: { kind: 'success', text: 'Token revoked.' } })
  })
