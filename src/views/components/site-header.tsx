// Site header: today's date, name and tagline, section navigation, search and the edition switcher.
import { useI18n } from '../i18n-context'
import type { SiteChrome } from '../site'
import { EditionSwitcher } from './edition-switcher'

export function SiteHeader({ chrome }: { chrome: SiteChrome }) {
  const { site, navigation, now, currentCategory } = chrome
  const i18n = useI18n()
  return (
    <header class="site-header">
      <div class="site-header__bar">
        <time class="site-header__date" datetime={now.toISOString().slice(0, 10)}>
          {i18n.longDate(now, site.timeZone)}
        </time>
        <EditionSwitcher links={chrome.editionLinks} />
        <a class="favorites-link" href={i18n.href('/favorites')}>
          {i18n.t('header.favorites')}{' '}
          <span
            class="favorites-link__count"
            data-favorites-count
            data-saved-words={i18n.t('header.savedCount')}
            hidden
          >
            0
          </span>
        </a>
        <details class="site-search">
          <summary>{i18n.t('header.search')}</summary>
          <search>
            <form class="site-search__form" action={i18n.href('/search')} method="get">
              <label for="site-search-q">{i18n.t('header.searchLabel')}</label>
              <input id="site-search-q" name="q" type="search" maxlength={200} required />
              <button type="submit">{i18n.t('header.search')}</button>
            </form>
          </search>
        </details>
      </div>
      <div class="site-header__brand">
        <a class="site-header__name" href={i18n.href('/')}>
          {site.name}
        </a>
        <p class="site-header__tagline">{site.tagline}</p>
      </div>
      <nav class="site-nav" aria-label={i18n.t('header.sections')}>
        <ul>
          <li>
            <a href={i18n.href('/')}>{i18n.t('header.home')}</a>
          </li>
          {navigation
            .filter((item) => item.kind !== 'page')
            .map((category) => (
              <li>
                <a
                  href={i18n.href(`/category/${category.slug}`)}
                  aria-current={category.slug === currentCategory ? 'page' : undefined}
                >
                  {category.name}
                </a>
              </li>
            ))}
        </ul>
      </nav>
    </header>
  )
}
