// Breadcrumb trail (Home › Section › Title), visible and as schema.org BreadcrumbList JSON-LD.
import { JsonLd } from './json-ld'

export interface Crumb {
  name: string
  /** Absolute URL; the last crumb (the current page) has none in the visible trail. */
  url: string
}

export function Breadcrumb({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav class="breadcrumb" aria-label="Breadcrumb">
      <ol>
        {crumbs.map((crumb, index) =>
          index === crumbs.length - 1 ? (
            <li aria-current="page">{crumb.name}</li>
          ) : (
            <li>
              <a href={crumb.url}>{crumb.name}</a>
            </li>
          ),
        )}
      </ol>
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'BreadcrumbList',
          itemListElement: crumbs.map((crumb, index) => ({
            '@type': 'ListItem',
            position: index + 1,
            name: crumb.name,
            item: crumb.url,
          })),
        }}
      />
    </nav>
  )
}
