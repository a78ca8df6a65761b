// Author profiles in the newsroom (editors and admins): list, create, edit, delete, and merge (admins).
import { Hono } from 'hono'
import { parseAuthorLinks } from '../../db/queries/authors'
import { findAuthor, listAuthors } from '../../db/queries/editor-authors'
import { listUsers } from '../../db/queries/users'
import { AppError } from '../../lib/errors'
import { allow, type EditorEnv } from '../../middleware/auth'
import { formatLinks, parseAuthorForm } from '../../services/author-input'
import { createAuthor, editAuthor, mergeAuthor, removeAuthor } from '../../services/authors'
import { InvalidFields } from '../../services/editorial-input'
import type { Notice } from '../../views/editor/chrome'
import type { AuthorFormValues } from '../../views/editor/components/author-fields'
import { EMPTY_AUTHOR } from '../../views/editor/components/author-fields'
import { AuthorEditPage } from '../../views/editor/pages/author-edit-page'
import { AuthorsPage, type AuthorsPageProps } from '../../views/editor/pages/authors-page'
import {
  type EditorContext,
  editorChrome,
  editorialDeps,
  type FormBody,
  formText,
  parseId,
  readForm,
} from './context'

const NOTICES: Record<string, Notice> = {
  created: { kind: 'success', text: 'Author created.' },
  saved: { kind: 'success', text: 'Profile saved.' },
  deleted: { kind: 'success', text: 'Author deleted.' },
  merged: { kind: 'success', text: 'Authors merged; the change is in the audit log.' },
}

function valuesOf(form: FormBody): AuthorFormValues {
  return {
    name: formText(form, 'name'),
    slug: formText(form, 'slug'),
    jobTitle: formText(form, 'job_title'),
    bio: formText(form, 'bio'),
    photoUrl: formText(form, 'photo_url'),
    photoAlt: formText(form, 'photo_alt'),
    links: formText(form, 'links'),
    userId: formText(form, 'user_id'),
  }
}

async function renderList(c: EditorContext, extra: Omit<AuthorsPageProps, 'chrome' | 'authors'>) {
  const authors = await listAuthors(c.var.db)
  return c.render(<AuthorsPage chrome={editorChrome(c, 'authors')} authors={authors} {...extra} />)
}

async function renderForm(
  c: EditorContext,
  author: { id: number; slug: string; name: string } | undefined,
  values: AuthorFormValues,
  extra: { errors?: Record<string, string>; notice?: Notice } = {},
) {
  const users = await listUsers(c.var.db)
  return c.render(
    <AuthorEditPage
      chrome={editorChrome(c, 'authors')}
      author={author}
      values={values}
      users={users}
      {...extra}
    />,
  )
}

async function loadAuthor(c: EditorContext) {
  const author = await findAuthor(c.var.db, parseId(c.req.param('id'), 'author'))
  if (!author) throw new AppError('NOT_FOUND', 'There is no such author.')
  return author
}

export const authorsAdmin = new Hono<EditorEnv>()
  .use('/authors', allow('admin', 'editor'))
  .use('/authors/*', allow('admin', 'editor'))
  .get('/authors', (c) => renderList(c, { notice: NOTICES[c.req.query('notice') ?? ''] }))
  .get('/authors/new', (c) => renderForm(c, undefined, EMPTY_AUTHOR))
  .post('/authors', async (c) => {
    const values = valuesOf(await readForm(c))
    try {
      const id = await createAuthor(editorialDeps(c), c.var.user, parseAuthorForm(values))
      return c.redirect(`/editor/authors/${id}?notice=created`, 303)
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error
      c.status(422)
      return renderForm(c, undefined, values, { errors: error.fields })
    }
  })
  .post('/authors/merge', async (c) => {
    const form = await readForm(c)
    const merge = { from: formText(form, 'from'), into: formText(form, 'into') }
    try {
      if (!merge.from) throw new InvalidFields({ from: 'Choose the author to merge.' })
      const into = /^\d{1,15}$/.test(merge.into) ? Number(merge.into) : 0
      await mergeAuthor(editorialDeps(c), c.var.user, parseId(merge.from, 'author'), into)
      return c.redirect('/editor/authors?notice=merged', 303)
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error
      c.status(422)
      return renderList(c, { merge, mergeErrors: error.fields })
    }
  })
  .get('/authors/:id', async (c) => {
    const author = await loadAuthor(c)
    const values: AuthorFormValues = {
      name: author.name,
      slug: author.slug,
      jobTitle: author.jobTitle,
      bio: author.bioMd,
      photoUrl: author.photoUrl ?? '',
      photoAlt: author.photoAlt,
      links: formatLinks(parseAuthorLinks(author.links)),
      userId: author.userId === null ? '' : String(author.userId),
    }
    return renderForm(c, author, values, { notice: NOTICES[c.req.query('notice') ?? ''] })
  })
  .post('/authors/:id', async (c) => {
    const author = await loadAuthor(c)
    const values = valuesOf(await readForm(c))
    try {
      await editAuthor(editorialDeps(c), c.var.user, author.id, parseAuthorForm(values))
      return c.redirect(`/editor/authors/${author.id}?notice=saved`, 303)
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error
      c.status(422)
      return renderForm(c, author, values, { errors: error.fields })
    }
  })
  .post('/authors/:id/delete', async (c) => {
    const author = await loadAuthor(c)
    try {
      await removeAuthor(editorialDeps(c), c.var.user, author.id)
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'CONFLICT') throw error
      c.status(409)
      const notice: Notice = { kind: 'error', text: error.message }
      return renderList(c, { notice })
    }
    return c.redirect('/editor/authors?notice=deleted', 303)
  })
