// Newsroom accounts (admins only): create one, change its role, disable or enable it, reset a password.
import type { UserListItem } from '../../../db/queries/users'
import { formatDateTime } from '../../../lib/time'
import { USER_ROLES } from '../../../lib/vocabulary'
import type { EditorChrome, Notice } from '../chrome'
import { CsrfField } from '../components/csrf-field'
import { NewUserForm } from '../components/new-user-form'
import { NoticeMessage } from '../components/notice'
import { SecretOnce } from '../components/secret-once'
import { EditorLayout } from '../layout'

export interface UsersPageProps {
  chrome: EditorChrome
  users: UserListItem[]
  currentUserId: number
  notice?: Notice
  secret?: { label: string; value: string }
  form?: { email: string; name: string; role: string }
  errors?: Record<string, string>
}

function RowAction(props: {
  action: string
  csrf: string
  label: string
  confirm?: string
  children?: unknown
}) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField token={props.csrf} />
      {props.children}
      <button type="submit" class="button--secondary" data-confirm={props.confirm}>
        {props.label}
      </button>
    </form>
  )
}

/** Offered with a reset: ticked, since a reset often follows a leak; untick for a routine one. */
function RevokeTokensChoice(props: { user: UserListItem }) {
  const { id, activeTokens } = props.user
  return (
    <label for={`revoke-tokens-${id}`}>
      <input id={`revoke-tokens-${id}`} type="checkbox" name="revoke_tokens" value="1" checked />
      {activeTokens === 1
        ? ' Also revoke their API token'
        : ` Also revoke their ${activeTokens} API tokens`}
    </label>
  )
}

export function UsersPage(props: UsersPageProps) {
  const {
    chrome,
    users,
    currentUserId,
    errors = {},
    form = { email: '', name: '', role: 'author' },
  } = props
  const csrf = chrome.csrfToken ?? ''
  const tz = chrome.site.timeZone
  return (
    <EditorLayout chrome={chrome} title="Users">
      <h1>Users</h1>
      <NoticeMessage notice={props.notice} />
      {props.secret ? <SecretOnce {...props.secret} /> : null}
      <NewUserForm csrf={csrf} values={form} errors={errors} />
      <table class="editor-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const base = `/editor/users/${user.id}`
            const self = user.id === currentUserId
            return (
              <tr>
                <td>
                  {user.name}
                  {self ? ' (you)' : ''}
                </td>
                <td>{user.email}</td>
                <td>
                  {self ? (
                    user.role
                  ) : (
                    <RowAction action={`${base}/role`} csrf={csrf} label="Change">
                      <label class="visually-hidden" for={`role-${user.id}`}>
                        Role of {user.name}
                      </label>
                      <select id={`role-${user.id}`} name="role">
                        {USER_ROLES.map((role) => (
                          <option value={role} selected={user.role === role}>
                            {role}
                          </option>
                        ))}
                      </select>
                    </RowAction>
                  )}
                </td>
                <td>{user.disabled ? 'Disabled' : 'Active'}</td>
                <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, tz) : 'Never'}</td>
                <td class="actions">
                  {self ? null : (
                    <>
                      <RowAction
                        action={`${base}/${user.disabled ? 'enable' : 'disable'}`}
                        csrf={csrf}
                        label={user.disabled ? 'Enable' : 'Disable'}
                        confirm={
                          user.disabled
                            ? undefined
                            : `Disable ${user.name}? They are signed out at once and their API tokens are revoked.`
                        }
                      />
                      <RowAction
                        action={`${base}/reset-password`}
                        csrf={csrf}
                        label="Reset password"
                        confirm={`Give ${user.name} a new password? Their sessions end.`}
                      >
                        {user.activeTokens > 0 ? <RevokeTokensChoice user={user} /> : null}
                      </RowAction>
                    </>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </EditorLayout>
  )
}
