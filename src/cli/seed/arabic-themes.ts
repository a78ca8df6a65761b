// Arabic story themes: who acts, what they do and to what, with verbs that agree with the actor.
import { AR_THEMES_NEWS } from './arabic-themes-news'
import { AR_THEMES_WORLD } from './arabic-themes-world'
import { parseThing, splitTags, type Thing } from './themes'

/**
 * A theme as written in the word lists. Arabic verbs agree with their subject's gender, so actors
 * are `Headline name|Name in a sentence|m or f|tag,tag` and actions give each form:
 * `present m|present f|past m|past f|preposition` (the preposition, if any, follows the actor in
 * a verb-first sentence: "دعا بوتين إلى …"). Things are `phrase|tag,tag`.
 */
export interface ArabicThemeSpec {
  category: string
  image: string
  /** Tag slugs every story in the theme may carry. */
  tags: string[]
  actors: string[]
  actions: string[]
  things: string[]
  places: string[]
  /** Standalone background sentences. */
  facts: string[]
  headings: string[]
}

export interface ArabicActor {
  name: string
  full: string
  feminine: boolean
  tags: string[]
}

export interface ArabicAction {
  present: [masculine: string, feminine: string]
  past: [masculine: string, feminine: string]
  preposition: string
}

export interface ArabicTheme extends Omit<ArabicThemeSpec, 'actors' | 'actions' | 'things'> {
  actors: ArabicActor[]
  actions: ArabicAction[]
  things: Thing[]
}

function parseTheme(spec: ArabicThemeSpec): ArabicTheme {
  return {
    ...spec,
    actors: spec.actors.map((line) => {
      const [name = '', full = name, gender, tags] = line.split('|')
      return { name, full, feminine: gender === 'f', tags: splitTags(tags) }
    }),
    actions: spec.actions.map((line) => {
      const [presentM = '', presentF = '', pastM = '', pastF = '', preposition = ''] =
        line.split('|')
      return { present: [presentM, presentF], past: [pastM, pastF], preposition }
    }),
    things: spec.things.map(parseThing),
  }
}

export const AR_THEMES: readonly ArabicTheme[] = [...AR_THEMES_NEWS, ...AR_THEMES_WORLD].map(
  parseTheme,
)
