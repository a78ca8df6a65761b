// Which way a language's script runs, for the `dir` attribute beside every `lang`.

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur'])

/** `rtl` for Arabic, Hebrew, Persian and Urdu, whatever the region or case of the tag. */
export function textDirection(lang: string): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.has(lang.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr'
}
