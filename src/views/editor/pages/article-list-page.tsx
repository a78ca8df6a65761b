// Every article in the newsroom: filters by status, section and author, a search, and pages.
import type { CategoryOption } from '../../../db/queries/editor-articles'
import type { ArticleListFilter } from '../../../db/queries/editor-lists'
import { ARTICLE_STATUSES } from '../../../lib/vocabulary'
import type { EditorChrome } from '../chrome'
import { ArticleTable, type ArticleTableProps } from '../fragments/article-table'
import { EditorLayout } from '../layout'

export interface ArticleListPageProps {
  chrome: EditorChrome
  filter: ArticleListFilter
  categories: CategoryOption[]
  /** Null when the list is limited to the signed-in author's own articles. */
  authors: { id: number; name: string }[] | null
  table: ArticleTableProps
}

export function ArticleListPage(props: ArticleListPageProps) {
  const { chrome, filter, categories, authors, table } = props
  return (
    <EditorLayout chrome={chrome} title="Articles">
      <div class="page-heading">
        <h1>Articles</h1>
        <a class="button" href="/editor/articles/new">
          New article
        </a>
      </div>
      <search>
        <form
          class="filters"
          method="get"
          action="/editor/articles"
          data-hx-get="/editor/articles"
          data-hx-target="#article-table"
          data-hx-swap="outerHTML"
          data-hx-trigger="submit, change, input delay:400ms"
          data-hx-push-url="true"
        >
          <div class="field">
            <label for="filter-q">Search titles and slugs</label>
            <input id="filter-q" name="q" type="search" maxlength={200} value={filter.q ?? ''} />
          </div>
          <div class="field">
            <label for="filter-status">Status</label>
            <select id="filter-status" name="status">
              <option value="">Any</option>
              {ARTICLE_STATUSES.map((status) => (
                <option value={status} selected={filter.status === status}>
                  {status}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="filter-category">Section</label>
            <select id="filter-category" name="category">
              <option value="">Any</option>
              {categories.map((category) => (
                <option value={category.slug} selected={filter.category === category.slug}>
                  {category.name}
                </option>
              ))}
            </select>
          </div>
          {authors ? (
            <div class="field">
              <label for="filter-author">Author</label>
              <select id="filter-author" name="author">
                <option value="">Anyone</option>
                {authors.map((author) => (
                  <option value={String(author.id)} selected={filter.authorId === author.id}>
                    {author.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <button type="submit">Filter</button>
        </form>
      </search>
      <ArticleTable {...table} />
    </EditorLayout>
  )
}
