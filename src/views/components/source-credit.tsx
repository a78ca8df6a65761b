// The credit under an agency item: a link to the story's original page (articles.canonical_url).
import { classifyUrl } from '../../lib/link-target'
import { useI18n } from '../i18n-context'

export function SourceCredit({ url }: { url?: string | null }) {
  const i18n = useI18n()
  // Stored from a feed, so checked again here: only an http(s) page elsewhere is ever linked.
  const target = url ? classifyUrl(url) : null
  if (target?.kind !== 'external') return null
  return (
    <p class="article__source">
      {`${i18n.t('article.source')}: `}
      <a href={target.href} rel="nofollow noopener">
        {new URL(target.href).hostname}
      </a>
    </p>
  )
}
