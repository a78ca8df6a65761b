// The few words an embed shows, in the languages partners ask for most; any other language gets English.

export interface EmbedLabels {
  latest: string
  latestFrom: (section: string) => string
  empty: string
  moreFrom: (site: string) => string
}

const LABELS: Record<string, EmbedLabels> = {
  en: {
    latest: 'Latest news',
    latestFrom: (section) => `Latest from ${section}`,
    empty: 'No stories yet.',
    moreFrom: (site) => `More on ${site}`,
  },
  ar: {
    latest: 'آخر الأخبار',
    latestFrom: (section) => `آخر أخبار ${section}`,
    empty: 'لا توجد أخبار بعد.',
    moreFrom: (site) => `المزيد على ${site}`,
  },
  fr: {
    latest: 'Dernières nouvelles',
    latestFrom: (section) => `À la une : ${section}`,
    empty: 'Aucun article pour le moment.',
    moreFrom: (site) => `Plus sur ${site}`,
  },
  es: {
    latest: 'Últimas noticias',
    latestFrom: (section) => `Lo último en ${section}`,
    empty: 'Todavía no hay noticias.',
    moreFrom: (site) => `Más en ${site}`,
  },
  de: {
    latest: 'Neueste Meldungen',
    latestFrom: (section) => `Neu in ${section}`,
    empty: 'Noch keine Meldungen.',
    moreFrom: (site) => `Mehr bei ${site}`,
  },
}

export function labelsFor(lang: string): EmbedLabels {
  return LABELS[lang.split('-')[0]?.toLowerCase() ?? ''] ?? (LABELS.en as EmbedLabels)
}
