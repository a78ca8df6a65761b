// Generates the Arabic edition's articles from the Arabic themes, identical on every run.
import { AR_FILLERS, AR_LEADS, AR_LIST_INTRO, AR_PARAGRAPHS, AR_QUOTES } from './arabic-paragraphs'
import { AR_REFERENCE } from './arabic-reference'
import { AR_THEMES, type ArabicAction, type ArabicActor, type ArabicTheme } from './arabic-themes'
import { AR_HOUSE_BYLINE, AR_SOURCES, AR_STAFF_BYLINES, AR_WEEKDAYS } from './arabic-words'
import { PUBLISHED_WINDOW } from './articles'
import { createRng, type Rng } from './random'
import { drawFreshTitle, fill } from './text'
import type { Thing } from './themes'
import { type ArticleSeed, HOUR, MINUTE, roundToMinute } from './types'

const SEED = 20_250_703
/** Published stories generated besides the reference article's translation. */
const AR_GENERATED = 62

/** Arabic titles give no ASCII slug, so each article names its own. */
export interface ArabicArticleSeed extends ArticleSeed {
  slug: string
}

interface ArabicStory {
  theme: ArabicTheme
  actor: ArabicActor
  action: ArabicAction
  thing: Thing
}

/** Every Arabic article, oldest first, as the English ones are. */
export function generateArabicArticles(): ArabicArticleSeed[] {
  const rng = createRng(SEED)
  const titles = new Set([AR_REFERENCE.title])
  const all: ArabicArticleSeed[] = [AR_REFERENCE]
  for (let n = 1; n <= AR_GENERATED; n++) all.push(writeArticle(rng, titles, n))
  return all.sort((a, b) => b.createdAgo - a.createdAgo)
}

function writeArticle(rng: Rng, titles: Set<string>, n: number): ArabicArticleSeed {
  const { story, title } = drawFreshTitle(titles, () => {
    const story = pickStory(rng)
    return { story, title: headline(story) }
  })
  const { theme } = story
  const tags = [...new Set([...story.actor.tags, ...story.thing.tags, ...theme.tags])]
  if (tags.length < 2) throw new Error(`Arabic story "${title}" has fewer than 2 tags`)
  return {
    slug: `ar-${theme.category}-${n}`,
    title,
    ...writeBody(rng, story),
    category: theme.category,
    tags: tags.slice(0, 5),
    byline: rng.chance(0.55) ? AR_HOUSE_BYLINE : rng.pick(AR_STAFF_BYLINES),
    image: theme.image,
    status: 'published',
    ...pickTimes(rng),
  }
}

function pickStory(rng: Rng): ArabicStory {
  const theme = rng.pick(AR_THEMES)
  return {
    theme,
    actor: rng.pick(theme.actors),
    action: rng.pick(theme.actions),
    thing: rng.pick(theme.things),
  }
}

const gender = (actor: ArabicActor) => (actor.feminine ? 1 : 0)

function objectOf({ action, thing }: ArabicStory): string {
  return action.preposition ? `${action.preposition} ${thing.text}` : thing.text
}

/** Subject first in a headline ("بوتين يدعو إلى …"), so the verb is the present tense. */
function headline(story: ArabicStory): string {
  return `${story.actor.name} ${story.action.present[gender(story.actor)]} ${objectOf(story)}`
}

function writeBody(rng: Rng, story: ArabicStory): Pick<ArticleSeed, 'summary' | 'bodyMd'> {
  const facts = [
    ...rng.sample(story.theme.facts, story.theme.facts.length),
    ...rng.sample(AR_FILLERS, AR_FILLERS.length),
  ]
  let next = 0
  const nextFact = () => facts[next++ % facts.length] as string
  const base = {
    verb: story.action.past[gender(story.actor)] as string,
    full: story.actor.full,
    object: objectOf(story),
    place: rng.pick(story.theme.places),
    weekday: rng.pick(AR_WEEKDAYS),
    source: rng.pick(AR_SOURCES),
  }
  const write = (template: string) =>
    fill(template, {
      ...base,
      fact: template.includes('{fact}') ? nextFact() : '',
      fact2: template.includes('{fact2}') ? nextFact() : '',
      quote: rng.pick(AR_QUOTES),
    })
  const blocks = [write(rng.pick(AR_LEADS)), ...rng.sample(AR_PARAGRAPHS, rng.int(3, 5)).map(write)]
  if (rng.chance(0.25)) {
    const items = [`${base.verb} ${base.full} ${base.object}.`, nextFact(), nextFact()]
    blocks.splice(2, 0, `${AR_LIST_INTRO}\n\n${items.map((item) => `- ${item}`).join('\n')}`)
  }
  // A subheading splits longer stories, as an editor would.
  if (blocks.length >= 5 && rng.chance(0.7)) {
    blocks.splice(Math.ceil(blocks.length / 2), 0, `## ${rng.pick(story.theme.headings)}`)
  }
  const summary = `${base.verb} ${base.full} ${base.object}، بحسب ${base.source}.`
  return { summary, bodyMd: blocks.join('\n\n') }
}

/** Skewed towards recent days over the same window as the English stories. */
function pickTimes(rng: Rng): Pick<ArticleSeed, 'publishedAgo' | 'updatedAgo' | 'createdAgo'> {
  const ago = roundToMinute(40 * MINUTE + (PUBLISHED_WINDOW - 2 * HOUR) * rng.next() ** 1.3)
  return { publishedAgo: ago, updatedAgo: ago, createdAgo: ago + rng.int(10, 240) * MINUTE }
}
