// The newsroom as an editor's browser uses it: sign in, load an article form, change it, post it.
import { parse } from 'node-html-parser'
import { type Answer, send } from './http'

export interface EditorSession {
  origin: string
  /** `name=value` of the session cookie. */
  cookie: string
}

export async function signIn(origin: string, email: string, password: string) {
  const answer = await send(`${origin}/editor/login`, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, next: '/editor' }).toString(),
  })
  const cookie = answer.headers.get('set-cookie')?.split(';')[0]
  if (answer.status !== 303 || !cookie) {
    throw new Error(
      `signing in as ${email} answered ${answer.status}: ${answer.text.slice(0, 200)}`,
    )
  }
  return { origin, cookie } satisfies EditorSession
}

/** What the page's article form would post as it stands: its fields, CSRF token and version. */
export function formFields(html: string): URLSearchParams {
  const form = parse(html).querySelector('form#article-form')
  if (!form) throw new Error('the page has no article form')
  const fields = new URLSearchParams()
  for (const field of form.querySelectorAll('input, textarea, select')) {
    const name = field.getAttribute('name')
    const type = field.getAttribute('type') ?? ''
    if (!name || ['submit', 'button'].includes(type)) continue
    if (['checkbox', 'radio'].includes(type) && !field.hasAttribute('checked')) continue
    if (field.tagName === 'SELECT') {
      const option = field.querySelector('option[selected]')
      fields.append(name, option?.getAttribute('value') ?? '')
    } else if (field.tagName === 'TEXTAREA') {
      fields.append(name, field.textContent)
    } else {
      fields.append(name, field.getAttribute('value') ?? (type === 'checkbox' ? 'on' : ''))
    }
  }
  return fields
}

/**
 * Loads the form at `formPath`, lets `change` edit its fields and posts them to `postPath` (by
 * default the same path), as the Save button would. Returns the post's answer.
 */
export async function submitArticleForm(
  session: EditorSession,
  formPath: string,
  change: (fields: URLSearchParams) => void,
  postPath = formPath,
): Promise<Answer> {
  const page = await send(`${session.origin}${formPath}`, { headers: { Cookie: session.cookie } })
  if (page.status !== 200) return page
  const fields = formFields(page.text)
  change(fields)
  return send(`${session.origin}${postPath}`, {
    method: 'POST',
    headers: {
      Cookie: session.cookie,
      Origin: session.origin,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: fields.toString(),
  })
}
