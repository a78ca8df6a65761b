// The language switcher: each other edition, leading to this page's translation or that edition's home.
import type { EditionLink } from '../site'

export function EditionSwitcher({ links }: { links: EditionLink[] }) {
  if (links.length === 0) return null
  // Each name is in its own language, so each link says which: lang, dir and hreflang.
  return (
    <ul class="edition-switcher">
      {links.map((link) => (
        <li>
          <a href={link.href} lang={link.code} hreflang={link.code} dir="auto">
            {link.name}
          </a>
        </li>
      ))}
    </ul>
  )
}
