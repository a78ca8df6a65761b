// Site-relative addresses in a stored body made absolute, for feed readers that read it elsewhere.

/**
 * body_html is the sanitiser's output, which writes every attribute as name="value", so src, href
 * and srcset are found reliably. Root-relative addresses get `origin`; others are left alone.
 */
export function absolutizeBodyUrls(html: string, origin: string): string {
  const base = origin.replace(/\/+$/, '')
  return html
    .replace(/ (src|href)="\/(?![/\\])/g, ` $1="${base}/`)
    .replace(/ srcset="([^"]*)"/g, (_all, srcset: string) => {
      const entries = srcset
        .split(', ')
        .map((entry) => (entry.startsWith('/') ? base + entry : entry))
      return ` srcset="${entries.join(', ')}"`
    })
}
