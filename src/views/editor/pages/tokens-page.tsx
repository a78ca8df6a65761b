// API tokens (admins only): create a scoped token for an account, see when each was used, revoke.
import type { ApiTokenListItem } from '../../../db/queries/api-tokens'
import type { UserListItem } from '../../../db/queries/users'
import type { EditorChrome, Notice } from '../chrome'
import { NewTokenForm, type TokenFormValues } from '../components/new-token-form'
import { NoticeMessage } from '../components/notice'
import { SecretOnce } from '../components/secret-once'
import { TokenTable } from '../components/token-table'
import { EditorLayout } from '../layout'

export interface TokensPageProps {
  chrome: EditorChrome
  tokens: ApiTokenListItem[]
  users: UserListItem[]
  scopes: readonly string[]
  notice?: Notice
  secret?: { label: string; value: string }
  form?: TokenFormValues
  errors?: Record<string, string>
}

export function TokensPage(props: TokensPageProps) {
  const { chrome, tokens, users, scopes, errors = {} } = props
  const form = props.form ?? { name: '', userId: '', scopes: ['articles:read'] }
  const csrf = chrome.csrfToken ?? ''
  return (
    <EditorLayout chrome={chrome} title="API tokens">
      <h1>API tokens</h1>
      <NoticeMessage notice={props.notice} />
      {props.secret ? <SecretOnce {...props.secret} /> : null}
      <NewTokenForm csrf={csrf} users={users} scopes={scopes} values={form} errors={errors} />
      <TokenTable tokens={tokens} csrf={csrf} timeZone={chrome.site.timeZone} />
    </EditorLayout>
  )
}
