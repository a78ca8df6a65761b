// The newsroom's static pages: each with its status and revisions, and the footer menu's order.
import type { PageListItem } from '../../../db/queries/editor-pages'
import type { EditorChrome, Notice } from '../chrome'
import { CsrfField } from '../components/csrf-field'
import { fieldAria } from '../components/field'
import { NoticeMessage } from '../components/notice'
import { StatusBadge } from '../components/status-badge'
import { EditorLayout } from '../layout'

export interface PagesPageProps {
  chrome: EditorChrome
  pages: PageListItem[]
  notice?: Notice
  /** What was typed in the footer form, by page id, when it had errors. */
  footer?: Record<string, string>
  errors?: Record<string, string>
}

export function PagesPage(props: PagesPageProps) {
  const { chrome, pages, errors = {} } = props
  const typed = props.footer ?? {}
  return (
    <EditorLayout chrome={chrome} title="Pages">
      <h1>Pages</h1>
      <NoticeMessage notice={props.notice} />
      <p>
        <a class="button" href="/editor/pages/new">
          New page
        </a>
      </p>
      <form method="post" action="/editor/pages/footer" class="editor-form" novalidate>
        <CsrfField token={chrome.csrfToken ?? ''} />
        <table class="editor-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Address</th>
              <th scope="col">Status</th>
              <th scope="col">Revisions</th>
              <th scope="col">Footer place</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((page) => {
              const id = `footer-${page.id}`
              const value = typed[String(page.id)] ?? page.footerPosition?.toString() ?? ''
              return (
                <tr>
                  <td>
                    <a href={`/editor/pages/${page.id}`}>{page.title}</a>
                  </td>
                  <td>/{page.slug}</td>
                  <td>
                    <StatusBadge status={page.status === 'published' ? 'published' : 'draft'} />
                  </td>
                  <td>{page.revisions}</td>
                  <td>
                    <label class="visually-hidden" for={id}>
                      Footer place for {page.title}
                    </label>
                    <input
                      {...fieldAria(id, errors[id])}
                      name={`footer_${page.id}`}
                      inputmode="numeric"
                      size={3}
                      value={value}
                    />
                    {errors[id] ? (
                      <p class="field-error" id={`${id}-error`}>
                        {errors[id]}
                      </p>
                    ) : null}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
        <p class="field-hint">Footer places: lowest first; leave blank to keep a page out of it.</p>
        <button type="submit">Save the footer order</button>
      </form>
    </EditorLayout>
  )
}
