// Numbered page links with previous and next, and gaps for long ranges; the current page is marked.
import { useI18n } from '../i18n-context'

export type PageLink = number | 'gap'

/** How many pages `total` items fill; an empty list still has its first page. */
export function countPages(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize))
}

/**
 * The first and last pages, and the current one with a neighbour each side. A gap that would hide
 * a single page shows that page instead, since "…" would take the same room and say less.
 */
export function listPageLinks(page: number, lastPage: number): PageLink[] {
  const shown = new Set([1, lastPage, page - 1, page, page + 1])
  const links: PageLink[] = []
  let previous = 0
  for (let n = 1; n <= lastPage; n++) {
    const nearShown = shown.has(n) || (shown.has(n - 1) && shown.has(n + 1) && n - 1 === previous)
    if (!nearShown) continue
    if (n - previous > 1) links.push('gap')
    links.push(n)
    previous = n
  }
  return links
}

export interface PaginationProps {
  page: number
  lastPage: number
  pageHref: (page: number) => string
}

export function Pagination({ page, lastPage, pageHref }: PaginationProps) {
  const i18n = useI18n()
  if (lastPage <= 1) return null
  // The arrows are in the messages, so each language points them its own reading way.
  return (
    <nav class="pagination" aria-label={i18n.t('pagination.label')}>
      <ul>
        {page > 1 ? (
          <li>
            <a class="pagination__step" rel="prev" href={pageHref(page - 1)}>
              {i18n.t('pagination.previous')}
            </a>
          </li>
        ) : null}
        {listPageLinks(page, lastPage).map((link) =>
          link === 'gap' ? (
            <li class="pagination__gap">…</li>
          ) : (
            <li>
              <a
                href={pageHref(link)}
                aria-label={i18n.t('pagination.page', { page: link })}
                aria-current={link === page ? 'page' : undefined}
              >
                {i18n.number(link)}
              </a>
            </li>
          ),
        )}
        {page < lastPage ? (
          <li>
            <a class="pagination__step" rel="next" href={pageHref(page + 1)}>
              {i18n.t('pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
