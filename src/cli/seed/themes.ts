// Story themes: who acts, what they do and to what, so generated headlines, bodies and tags agree.
import { THEMES_CULTURE } from './themes-culture'
import { THEMES_ECONOMY } from './themes-economy'
import { THEMES_INTERNATIONAL } from './themes-international'
import { THEMES_REGION } from './themes-region'
import { THEMES_SCIENCE } from './themes-science'
import { THEMES_SPORTS } from './themes-sports'

/**
 * A theme as written in the word lists, compact so a theme fits in a dozen lines:
 * actors are `Headline name|Name opening a sentence|tag,tag` (headline names are singular,
 * since headline verbs are), actions `Headline verb|past tense`, things `phrase|tag,tag`.
 */
export type Register = 'news' | 'sport' | 'arts' | 'opinion'

export interface ThemeSpec {
  key: string
  category: string
  weight: number
  /** Tag slugs every story in the theme may carry. */
  tags: string[]
  actors: string[]
  actions: string[]
  things: string[]
  places: string[]
  /** Standalone background sentences. */
  facts: string[]
  headings: string[]
  image?: string
  /** Attribution endings, e.g. "officials said". */
  sources?: string[]
  /** Headline patterns with {A} actor, {V} verb, {T} thing, {T2} another thing, {P} place. */
  titles?: string[]
  /** How the body reads: a news report (the default), a match report, an arts piece or a column. */
  register?: Register
}

export interface Actor {
  name: string
  full: string
  tags: string[]
}
export interface Action {
  headline: string
  past: string
}
export interface Thing {
  text: string
  tags: string[]
}
export interface Theme extends Omit<ThemeSpec, 'actors' | 'actions' | 'things'> {
  actors: Actor[]
  actions: Action[]
  things: Thing[]
}

export const splitTags = (list = '') => list.split(',').filter(Boolean)

/** `phrase|tag,tag` → the thing and its tags; both editions' themes write things this way. */
export function parseThing(line: string): Thing {
  const [text = '', tags] = line.split('|')
  return { text, tags: splitTags(tags) }
}

function parseTheme(spec: ThemeSpec): Theme {
  return {
    ...spec,
    actors: spec.actors.map((line) => {
      const [name = '', full = name, tags] = line.split('|')
      return { name, full, tags: splitTags(tags) }
    }),
    actions: spec.actions.map((line) => {
      const [headline = '', past = ''] = line.split('|')
      return { headline, past }
    }),
    things: spec.things.map(parseThing),
  }
}

export const THEMES: readonly Theme[] = [
  ...THEMES_INTERNATIONAL,
  ...THEMES_REGION,
  ...THEMES_ECONOMY,
  ...THEMES_SCIENCE,
  ...THEMES_SPORTS,
  ...THEMES_CULTURE,
].map(parseTheme)

export function findTheme(key: string): Theme {
  const theme = THEMES.find((t) => t.key === key)
  if (!theme) throw new Error(`Unknown seed theme ${key}`)
  return theme
}
