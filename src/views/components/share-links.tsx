// Share links: plain URLs to each network's share page, no third-party script.
import { useI18n } from '../i18n-context'
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const i18n = useI18n()
  const u = encodeURIComponent(url)
  const t = encodeURIComponent(title)
  const links = [
    { name: 'X', href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'WhatsApp', href: `https://wa.me/?text=${t}%20${u}` },
    { name: 'Telegram', href: `https://t.me/share/url?url=${u}&text=${t}` },
    { name: i18n.t('article.shareEmail'), href: `mailto:?subject=${t}&body=${u}` },
  ]
  return (
    <nav class="share-links" aria-label={i18n.t('article.share')}>
      <span class="share-links__label">{i18n.t('article.shareLabel')}</span>
      <ul>
        {links.map((link) => (
          <li>
            <a href={link.href} rel="noopener noreferrer" target="_blank">
              {link.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
