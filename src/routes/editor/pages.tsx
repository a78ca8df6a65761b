// Static pages in the newsroom (editors and admins): list and footer order, create, edit, publish.
import { Hono } from 'hono'
import { findPage, listPagesForEditor } from '../../db/queries/editor-pages'
import { AppError } from '../../lib/errors'
import { allow, type EditorEnv } from '../../middleware/auth'
import { InvalidFields } from '../../services/editorial-input'
import { orderFooter, type PageIntent, parsePageForm, savePage } from '../../services/pages'
import type { Notice } from '../../views/editor/chrome'
import { PageEditPage, type PageFormValues } from '../../views/editor/pages/page-edit-page'
import { PagesPage, type PagesPageProps } from '../../views/editor/pages/pages-page'
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
  saved: { kind: 'success', text: 'Page saved.' },
  publish: { kind: 'success', text: 'Page published.' },
  unpublish: { kind: 'success', text: 'Page taken off the site.' },
  footer: { kind: 'success', text: 'Footer order saved.' },
}

function valuesOf(form: FormBody): PageFormValues {
  return {
    title: formText(form, 'title'),
    slug: formText(form, 'slug'),
    summary: formText(form, 'summary'),
    body: formText(form, 'body'),
  }
}

function intentOf(form: FormBody): PageIntent {
  const intent = formText(form, 'intent')
  return intent === 'publish' || intent === 'unpublish' ? intent : 'save'
}

async function renderList(c: EditorContext, extra: Omit<PagesPageProps, 'chrome' | 'pages'>) {
  const pages = await listPagesForEditor(c.var.db)
  return c.render(<PagesPage chrome={editorChrome(c, 'pages')} pages={pages} {...extra} />)
}

async function pageSummary(c: EditorContext, id: number) {
  const list = await listPagesForEditor(c.var.db)
  const page = list.find((item) => item.id === id)
  if (!page) throw new AppError('NOT_FOUND', 'There is no such page.')
  return page
}

export const pagesAdmin = new Hono<EditorEnv>()
  .use('/pages', allow('admin', 'editor'))
  .use('/pages/*', allow('admin', 'editor'))
  .get('/pages', (c) => renderList(c, { notice: NOTICES[c.req.query('notice') ?? ''] }))
  .post('/pages/footer', async (c) => {
    const form = await readForm(c)
    const footer: Record<string, string> = {}
    for (const name of Object.keys(form)) {
      const id = name.match(/^footer_(\d{1,15})$/)?.[1]
      if (id) footer[id] = formText(form, name)
    }
    try {
      await orderFooter(editorialDeps(c), c.var.user, footer)
      return c.redirect('/editor/pages?notice=footer', 303)
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error
      c.status(422)
      return renderList(c, { footer, errors: error.fields })
    }
  })
  .get('/pages/new', (c) =>
    c.render(
      <PageEditPage
        chrome={editorChrome(c, 'pages')}
        values={{ title: '', slug: '', summary: '', body: '' }}
      />,
    ),
  )
  .post('/pages', async (c) => {
    const form = await readForm(c)
    const values = valuesOf(form)
    try {
      const input = parsePageForm(values)
      const id = await savePage(editorialDeps(c), c.var.user, null, input, intentOf(form))
      return c.redirect(`/editor/pages/${id}?notice=saved`, 303)
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error
      c.status(422)
      return c.render(
        <PageEditPage chrome={editorChrome(c, 'pages')} values={values} errors={error.fields} />,
      )
    }
  })
  .get('/pages/:id', async (c) => {
    const id = parseId(c.req.param('id'), 'page')
    const page = await findPage(c.var.db, id)
    if (!page) throw new AppError('NOT_FOUND', 'There is no such page.')
    const summary = await pageSummary(c, id)
    const values = { title: page.title, slug: page.slug, summary: page.summary, body: page.bodyMd }
    return c.render(
      <PageEditPage
        chrome={editorChrome(c, 'pages')}
        page={summary}
        values={values}
        notice={NOTICES[c.req.query('notice') ?? '']}
      />,
    )
  })
  .post('/pages/:id', async (c) => {
    const id = parseId(c.req.param('id'), 'page')
    const summary = await pageSummary(c, id)
    const form = await readForm(c)
    const values = valuesOf(form)
    const intent = intentOf(form)
    try {
      await savePage(editorialDeps(c), c.var.user, id, parsePageForm(values), intent)
      return c.redirect(`/editor/pages/${id}?notice=${intent === 'save' ? 'saved' : intent}`, 303)
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error
      c.status(422)
      return c.render(
        <PageEditPage
          chrome={editorChrome(c, 'pages')}
          page={summary}
          values={values}
          errors={error.fields}
        />,
      )
    }
  })
