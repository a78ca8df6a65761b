// An embed's few words, from the message catalogue of its language (any other language reads English).
import { findCatalogue } from '../../lib/i18n/catalogues'
import type { MessageKey } from '../../lib/i18n/en'
import { formatMessage, type Params } from '../../lib/i18n/i18n'

/** Words of the `embed.*` catalogue entries, in `lang` (a BCP 47 tag: `ar`, `fr-CA`). */
export function translateEmbed(lang: string, key: MessageKey, params?: Params): string {
  return formatMessage(findCatalogue(baseLanguage(lang)), lang, key, params)
}

/** `fr-CA` → `fr`: catalogues are per language, not per region. */
export function baseLanguage(lang: string): string {
  return lang.split('-')[0]?.toLowerCase() ?? lang
}
