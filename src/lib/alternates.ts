// The language versions of a translated article, as hreflang pairs for pages and sitemaps.

export interface LanguageVersion {
  slug: string
  language: string
}

/**
 * Every version (this one included) under its language, plus x-default: the default edition's
 * version, or this one when the default edition has none. Empty when there is no translation, so
 * an untranslated page carries no hreflang at all.
 */
export function listAlternates(
  origin: string,
  self: LanguageVersion,
  translations: readonly LanguageVersion[],
  defaultLanguage: string,
): { hreflang: string; href: string }[] {
  if (translations.length === 0) return []
  const versions = [self, ...translations].sort((a, b) => a.language.localeCompare(b.language))
  const href = (version: LanguageVersion) => `${origin}/news/${version.slug}`
  const fallback = versions.find((version) => version.language === defaultLanguage) ?? self
  return [
    ...versions.map((version) => ({ hreflang: version.language, href: href(version) })),
    { hreflang: 'x-default', href: href(fallback) },
  ]
}
