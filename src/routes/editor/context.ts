// What newsroom routes derive from the request: the page chrome, service dependencies, ids and forms.
import type { Context } from 'hono'
import { AppError } from '../../lib/errors'
import { readFormBody } from '../../lib/form-body'
import type { EditorEnv } from '../../middleware/auth'
import type { EditorialDeps } from '../../services/editorial'
import { can } from '../../services/editorial-permissions'
import type { EditorChrome, EditorSection } from '../../views/editor/chrome'

export type EditorContext = Context<EditorEnv>

export function editorChrome(c: EditorContext, current?: EditorSection): EditorChrome {
  const user = c.get('user')
  return {
    site: c.var.config.site,
    user: user ? { name: user.name, role: user.role } : undefined,
    csrfToken: c.get('csrfToken'),
    current,
    can: {
      moderate: user ? can(user, 'comments:moderate') : false,
      publish: user ? can(user, 'articles:publish') : false,
      admin: user ? can(user, 'users:manage') : false,
    },
  }
}

export function editorialDeps(c: Context<EditorEnv> | Context): EditorialDeps {
  return {
    db: c.var.db,
    purge: c.var.purge,
    siteLanguage: c.var.config.site.language,
    now: new Date(),
  }
}

/** A positive whole-number id from the URL or a form; anything else names nothing. */
export function parseId(value: string | undefined, what: string): number {
  const id = Number(value)
  if (!/^\d{1,15}$/.test(value ?? '') || !Number.isSafeInteger(id) || id < 1) {
    throw new AppError('NOT_FOUND', `There is no such ${what}.`)
  }
  return id
}

export type FormBody = Record<string, string | File | (string | File)[]>

/** The posted form, repeated names as arrays (checkbox lists); the auth middleware parsed it already. */
export async function readForm(c: Context): Promise<FormBody> {
  return readFormBody(c.req, { all: true })
}

/** One text value of a form field; for a repeated field, the last one. */
export function formText(form: FormBody, name: string): string {
  const value = form[name]
  const last = Array.isArray(value) ? value[value.length - 1] : value
  return typeof last === 'string' ? last : ''
}

/** Every text value of a repeated field, such as checked checkboxes. */
export function formList(form: FormBody, name: string): string[] {
  const value = form[name]
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return values.filter((item): item is string => typeof item === 'string')
}

/** Only newsroom paths are followed after sign-in, so the login form cannot send anyone off-site. */
export function safeNext(next: string | undefined): string {
  if (!next || !/^\/editor(\/[\w\-./]*)?(\?[\w\-.=&%+]*)?$/.test(next)) return '/editor'
  return next.startsWith('/editor/login') ? '/editor' : next
}
