// What an embed shows when it cannot show a story: one short, announced line a host page can keep.
import { EmbedRoot } from './embed-root'
import type { EmbedTheme } from './presentation'

export function EmbedError({
  message,
  theme = 'auto',
  lang,
}: {
  message: string
  theme?: EmbedTheme
  lang: string
}) {
  return (
    <EmbedRoot presentation={{ theme, lang }}>
      <p class="bulletin-error" role="alert">
        {message}
      </p>
    </EmbedRoot>
  )
}
