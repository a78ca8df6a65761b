// Fixed vocabularies for the demo site: sections, tags, bylines, images and reference links.

export interface SeedCategory {
  slug: string
  name: string
  description: string
  /** Placeholder image used by the section's articles unless a theme picks another. */
  image: string
}

/** In navigation order. */
export const CATEGORIES: readonly SeedCategory[] = [
  {
    slug: 'international-news',
    name: 'International News',
    description: 'Diplomacy, conflict and politics from around the world.',
    image: 'globe',
  },
  {
    slug: 'middle-east',
    name: 'Middle East',
    description: 'News and analysis from across the region.',
    image: 'middle-east',
  },
  {
    slug: 'lebanon',
    name: 'Lebanon',
    description: 'Politics, the economy and daily life in Lebanon.',
    image: 'lebanon',
  },
  {
    slug: 'economy',
    name: 'Economy',
    description: 'Markets, energy, trade and central banks.',
    image: 'economy',
  },
  {
    slug: 'technology',
    name: 'Technology',
    description: 'AI, chips, security and the tech industry.',
    image: 'technology',
  },
  {
    slug: 'science',
    name: 'Science',
    description: 'Climate, space and health research.',
    image: 'science',
  },
  {
    slug: 'sports',
    name: 'Sports',
    description: 'Football, basketball and more.',
    image: 'sports',
  },
  {
    slug: 'culture',
    name: 'Culture',
    description: 'Film, books, music and heritage.',
    image: 'culture',
  },
  {
    slug: 'opinion',
    name: 'Opinion',
    description: 'Columns and commentary from our writers.',
    image: 'opinion',
  },
]

/** Tag display names; each slug is `slugify(name)`. Themes refer to tags by slug. */
export const TAG_NAMES: readonly string[] = [
  ...['Russia', 'Ukraine', 'France', 'Putin', 'Macron', 'Kremlin', 'NATO', 'Diplomacy'],
  ...['European Union', 'United States', 'Trump', 'Pentagon', 'China', 'Germany'],
  ...['United Kingdom', 'Asia', 'Sanctions', 'Weapons', 'Ceasefire', 'Iran', 'Israel'],
  ...['Netanyahu', 'Gaza', 'Palestine', 'Syria', 'Yemen', 'Iraq', 'Saudi Arabia', 'Egypt'],
  ...['Qatar', 'Turkey', 'UN', 'IAEA', 'Nuclear', 'Humanitarian Aid', 'Refugees', 'Lebanon'],
  ...['Beirut', 'South Lebanon', 'Parliament', 'Elections', 'Reconstruction', 'Banking', 'IMF'],
  ...['Tourism', 'Oil', 'Energy', 'OPEC', 'Trade', 'Tariffs', 'WTO', 'Inflation'],
  ...['Central Banks', 'Markets', 'AI', 'Cybersecurity', 'Semiconductors', 'Startups'],
  ...['Regulation', 'Space', 'Climate', 'Water', 'Health', 'Medicine', 'Research'],
  ...['Education', 'Football', 'Champions League', 'World Cup', 'Basketball', 'Tennis'],
  ...['Olympics', 'Film', 'Books', 'Music', 'Heritage', 'Media'],
]

/** Most wire stories carry the house byline; the rest are signed by staff writers. */
export const HOUSE_BYLINE = 'By Staff, Agencies'
export const STAFF_BYLINES: readonly string[] = [
  'By Maya Haddad',
  'By Karim Nassar',
  'By Lina Saab',
  'By Omar Khalil',
  'By Sophie Laurent',
  'By Staff',
  'By Nour El Amine',
  'By Daniel Reyes',
]
export const COLUMNIST_BYLINES: readonly string[] = [
  'By Rami Aboud',
  'By Hala Mansour',
  'By Jean-Pierre Morel',
  'By Sarah Whitfield',
]

export interface PlaceholderImage {
  url: string
  alt: string
}

const image = (name: string, alt: string): PlaceholderImage => ({
  url: `/images/placeholders/${name}.svg`,
  alt,
})

/** Local SVGs under public/images/placeholders, all 1200×675. */
export const IMAGES: Readonly<Record<string, PlaceholderImage>> = {
  globe: image('globe', 'Illustration of a globe with meridians on a dark blue background'),
  diplomacy: image('diplomacy', 'Illustration of two speech bubbles facing each other'),
  'middle-east': image('middle-east', 'Illustration of desert dunes under a low sun'),
  lebanon: image('lebanon', 'Illustration of a cedar tree above mountains and the sea'),
  economy: image('economy', 'Illustration of a bar chart with a rising trend line'),
  technology: image('technology', 'Illustration of a microchip with circuit traces'),
  science: image('science', 'Illustration of an atom with three orbits'),
  sports: image('sports', 'Illustration of a football pitch seen from above'),
  culture: image('culture', 'Illustration of theatre curtains framing a lit stage'),
  opinion: image('opinion', 'Illustration of large quotation marks'),
}
export const IMAGE_WIDTH = 1200
export const IMAGE_HEIGHT = 675

/** Background links a story may cite, by section. */
export const LINKS: Readonly<Record<string, readonly { label: string; url: string }[]>> = {
  'international-news': [
    { label: 'the UN news service', url: 'https://news.un.org/en/' },
    { label: 'NATO', url: 'https://www.nato.int/' },
  ],
  'middle-east': [
    { label: 'UN OCHA', url: 'https://www.unocha.org/' },
    { label: 'the IAEA', url: 'https://www.iaea.org/' },
  ],
  lebanon: [{ label: 'the World Bank', url: 'https://www.worldbank.org/en/country/lebanon' }],
  economy: [
    { label: 'the IMF', url: 'https://www.imf.org/en/Publications/WEO' },
    { label: 'the WTO', url: 'https://www.wto.org/' },
  ],
  technology: [{ label: 'ENISA', url: 'https://www.enisa.europa.eu/' }],
  science: [
    { label: 'the WMO', url: 'https://wmo.int/' },
    { label: 'NASA', url: 'https://www.nasa.gov/' },
    { label: 'the WHO', url: 'https://www.who.int/' },
  ],
  sports: [{ label: 'FIFA', url: 'https://www.fifa.com/' }],
  culture: [{ label: 'UNESCO', url: 'https://www.unesco.org/en' }],
  opinion: [{ label: 'the UN', url: 'https://www.un.org/en/' }],
}
