// Site footer: the pages menu, copyright and "Last update" in the site's own time zone.
import { nameTimeZone } from '../../lib/i18n/i18n'
import { useI18n } from '../i18n-context'
import type { SiteChrome } from '../site'

export function SiteFooter({ chrome }: { chrome: SiteChrome }) {
  const { site, now, lastUpdateAt } = chrome
  const i18n = useI18n()
  const stamp = lastUpdateAt ? i18n.footerStamp(lastUpdateAt, site.timeZone) : null
  const menu = chrome.navigation.filter((item) => item.kind === 'page')
  // The configured label ("Beirut Timing") is the default edition's words; others name the zone.
  const zone = i18n.edition.prefix ? nameTimeZone(site.timeZone, i18n.locale) : site.timeZoneLabel
  return (
    <footer class="site-footer">
      {menu.length > 0 ? (
        <nav class="footer-menu" aria-label={i18n.t('footer.about')}>
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
        © {i18n.plainNumber(now.getUTCFullYear())} {site.name}
      </p>
      {stamp && lastUpdateAt ? (
        <p class="site-footer__update">
          {i18n.t('footer.lastUpdate')}{' '}
          <time datetime={lastUpdateAt.toISOString()} data-absolute>
            {i18n.t('footer.stamp', stamp)}
          </time>{' '}
          {zone}
        </p>
      ) : null}
    </footer>
  )
}
