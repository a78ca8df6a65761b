// What every newsroom page needs for its shell: the site, the signed-in person and what they may do.
import type { Config } from '../../env'

export type EditorSection =
  | 'dashboard'
  | 'articles'
  | 'authors'
  | 'pages'
  | 'new-article'
  | 'comments'
  | 'live'
  | 'users'
  | 'tokens'
  | 'audit'
  | 'account'
  | 'media'
  | 'agency-feeds'
  | 'export'

export interface EditorChrome {
  site: Pick<Config['site'], 'name' | 'language' | 'timeZone'>
  /** Absent on the login page. */
  user?: { name: string; role: string }
  /** The session's CSRF token, for the meta tag htmx reads and the sign-out form. */
  csrfToken?: string
  current?: EditorSection
  can: { moderate: boolean; publish: boolean; admin: boolean }
}

export type Notice = { kind: 'success' | 'error' | 'info'; text: string }
