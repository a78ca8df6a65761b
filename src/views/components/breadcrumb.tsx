// Breadcrumb trail (Home › Section › Title), visible and as schema.org BreadcrumbList JSON-LD.
import { useI18n } from '../i18n-context'
import { JsonLd } from './json-ld'

export interface Crumb {
  name: string
  /** Absolute URL; the last crumb (the current page) has none in the visible trail. */
  url: string
}

export function Breadcrumb({ crumbs }: { crumbs: Crumb[] }) {
  const i18n = useI18n()
  return (
    <nav class="breadcrumb" aria-label={i18n.t('breadcrumb.label')}>
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
