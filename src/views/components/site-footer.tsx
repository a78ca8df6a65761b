// Site footer: the pages menu, copyright and "Last update" in the site's own time zone.
import { formatFooterStamp } from '../../lib/time'
import type { SiteChrome } from '../site'

export function SiteFooter({ chrome }: { chrome: SiteChrome }) {
  const { site, now, lastUpdateAt } = chrome
  const stamp = lastUpdateAt ? formatFooterStamp(lastUpdateAt, site.timeZone) : null
  const menu = chrome.navigation.filter((item) => item.kind === 'page')
  return (
    <footer class="site-footer">
      {menu.length > 0 ? (
        <nav class="footer-menu" aria-label="About this site">
          <ul>
            {menu.map((item) => (
              <li>
                <a href={`/${item.slug}`}>{item.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p>
        © {now.getUTCFullYear()} {site.name}
      </p>
      {stamp && lastUpdateAt ? (
        <p class="site-footer__update">
          Last update:{' '}
          <time datetime={lastUpdateAt.toISOString()} data-absolute>
            {stamp.day} Hour: {stamp.time}
          </time>{' '}
          {site.timeZoneLabel}
        </p>
      ) : null}
    </footer>
  )
}
