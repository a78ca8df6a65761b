// Writes a story's summary and Markdown body from its theme, so the text matches headline and tags.
import { DEFAULT_SOURCES, TEMPLATES, type Templates, WEEKDAYS } from './paragraphs'
import type { Rng } from './random'
import { capitalize, fill, midSentence } from './text'
import type { Action, Actor, Theme, Thing } from './themes'
import { LINKS } from './words'

/** The choices behind one generated story: its headline and body are both written from these. */
export interface Story {
  theme: Theme
  actor: Actor
  action: Action
  thing: Thing
  place: string
}

export interface StoryText {
  summary: string
  bodyMd: string
}

/** Hands out background sentences without repeats until the theme's own facts run out. */
function factDeck(rng: Rng, story: Story, templates: Templates): () => string {
  const cards = [
    ...rng.sample(story.theme.facts, story.theme.facts.length),
    ...rng.sample(templates.fillers, templates.fillers.length),
  ]
  let i = 0
  return () => cards[i++ % cards.length] as string
}

/** Writes the summary (one or two sentences) and a body of 4–8 blocks. */
export function writeStory(rng: Rng, story: Story): StoryText {
  const register = story.theme.register ?? 'news'
  const templates = TEMPLATES[register]
  const nextFact = factDeck(rng, story, templates)
  const base = {
    Full: capitalize(story.actor.full),
    full: midSentence(story.actor.full),
    past: story.action.past,
    thing: story.thing.text,
    place: story.place,
    weekday: rng.pick(WEEKDAYS),
    source: rng.pick(story.theme.sources ?? DEFAULT_SOURCES),
  }
  const write = (template: string) =>
    fill(template, {
      ...base,
      fact: template.includes('{fact}') ? nextFact() : '',
      fact2: template.includes('{fact2}') ? nextFact() : '',
      quote: rng.pick(templates.quotes),
    })

  const lead = write(rng.pick(templates.leads))
  const wantsList = rng.chance(0.25)
  // Sports quotes are fragments of a sentence, too short to stand alone as a pull quote.
  const wantsQuote = rng.chance(0.25) && register !== 'sport'
  const links = LINKS[story.theme.category] ?? []
  const link = links.length > 0 && rng.chance(0.2) ? rng.pick(links) : undefined
  const closing = templates.closings ? write(rng.pick(templates.closings)) : undefined
  const fixed = 1 + Number(wantsList) + Number(wantsQuote) + Number(!!link) + Number(!!closing)
  const count = Math.max(1, rng.int(4, 8) - fixed)

  const middle = rng.sample(templates.paragraphs, count).map(write)
  if (wantsList) {
    const items = [`${base.Full} ${base.past} ${base.thing}.`, nextFact(), nextFact()]
    middle.splice(1, 0, `${templates.listIntro}\n\n${items.map((item) => `- ${item}`).join('\n')}`)
  }
  if (wantsQuote) middle.splice(2, 0, `> "${rng.pick(templates.quotes)}."`)
  if (link) middle.push(`Background is available from [${link.label}](${link.url}).`)
  const blocks = [lead, ...middle, ...(closing ? [closing] : [])]

  // A subheading splits longer stories, as an editor would.
  if (blocks.length >= 5 && rng.chance(0.7)) {
    blocks.splice(Math.ceil(blocks.length / 2), 0, `## ${rng.pick(story.theme.headings)}`)
  }

  const summary =
    register === 'opinion'
      ? `The columnist argues that ${base.thing} deserves more attention than it gets.`
      : `${base.Full} ${base.past} ${base.thing}, ${base.source}.`
  return { summary, bodyMd: blocks.join('\n\n') }
}
