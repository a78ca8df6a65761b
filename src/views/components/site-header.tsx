// Site header: today's date, name and tagline, section navigation and the search box.
import { formatLongDate } from '../../lib/time'
import type { SiteChrome } from '../site'

export function SiteHeader({ chrome }: { chrome: SiteChrome }) {
  const { site, navigation, now, currentCategory } = chrome
  return (
    <header class="site-header">
      <div class="site-header__bar">
        <time class="site-header__date" datetime={now.toISOString().slice(0, 10)}>
          {formatLongDate(now, site.timeZone)}
        </time>
        <a class="favorites-link" href="/favorites">
          Favorites{' '}
          <span class="favorites-link__count" data-favorites-count hidden>
            0
          </span>
        </a>
        <details class="site-search">
          <summary>Search</summary>
          <search>
            <form class="site-search__form" action="/search" method="get">
              <label for="site-search-q">Search articles</label>
              <input id="site-search-q" name="q" type="search" maxlength={200} required />
              <button type="submit">Search</button>
            </form>
          </search>
        </details>
      </div>
      <div class="site-header__brand">
        <a class="site-header__name" href="/">
          {site.name}
        </a>
        <p class="site-header__tagline">{site.tagline}</p>
      </div>
      <nav class="site-nav" aria-label="Sections">
        <ul>
          <li>
            <a href="/">Home</a>
          </li>
          {navigation
            .filter((item) => item.kind !== 'page')
            .map((category) => (
              <li>
                <a
                  href={`/category/${category.slug}`}
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
