// Fixed stories around the reference article (Putin, Macron, the Kremlin), so its related list has substance.
import { type Story, writeStory } from './bodies'
import type { Rng } from './random'
import { findTheme } from './themes'
import { type ArticleSeed, DAY, HOUR, MINUTE } from './types'
import { HOUSE_BYLINE } from './words'

interface Neighbour {
  title: string
  /** Who opens the lead sentence, what they did and to what. */
  actor: string
  past: string
  thing: string
  ago: number
  tags: string[]
  theme?: string
}

const NEIGHBOURS: readonly Neighbour[] = [
  {
    title: 'Macron Defends Call With Putin as Allies Seek Details',
    actor: 'French President Emmanuel Macron',
    past: 'defended',
    thing: 'his decision to reopen a channel to Moscow',
    ago: 20 * HOUR,
    tags: ['france', 'macron', 'putin', 'russia', 'diplomacy'],
  },
  {
    title: 'Kremlin Says No Date Set for Next Putin-Macron Contact',
    actor: 'The Kremlin',
    past: 'said no date had been set for',
    thing: 'a new conversation between Putin and Macron',
    ago: 30 * HOUR,
    tags: ['russia', 'kremlin', 'putin', 'macron', 'france'],
  },
  {
    title: 'European Leaders Split Over Macron Outreach to Moscow',
    actor: 'European Union leaders',
    past: 'debated',
    thing: 'Macron’s outreach to Moscow',
    ago: 36 * HOUR,
    tags: ['european-union', 'macron', 'france', 'russia', 'diplomacy'],
  },
  {
    title: 'Putin Says Any Ukraine Settlement Must Reflect “New Realities”',
    actor: 'Russian President Vladimir Putin',
    past: 'set out his conditions for',
    thing: 'a settlement in Ukraine',
    ago: 2 * DAY + 3 * HOUR,
    tags: ['russia', 'putin', 'ukraine', 'diplomacy'],
  },
  {
    title: 'Lavrov: Moscow Open to Dialogue With Paris on European Security',
    actor: 'Russian Foreign Minister Sergei Lavrov',
    past: 'signalled openness to',
    thing: 'a dialogue with Paris on European security',
    ago: 3 * DAY + 5 * HOUR,
    tags: ['russia', 'france', 'diplomacy', 'nato'],
  },
  {
    title: 'France Weighs New Ukraine Aid Package Despite Calls for Talks',
    actor: 'French officials',
    past: 'weighed',
    thing: 'a new package of military aid to Kiev',
    ago: 4 * DAY + 2 * HOUR,
    tags: ['france', 'ukraine', 'weapons', 'macron'],
  },
  {
    title: 'Paris and Moscow Compare Notes on Iran Nuclear File',
    actor: 'French and Russian diplomats',
    past: 'discussed',
    thing: 'the Iran nuclear file',
    ago: 9 * DAY,
    tags: ['france', 'russia', 'iran', 'nuclear', 'iaea'],
    theme: 'iran',
  },
]

export function writeNeighbours(rng: Rng): ArticleSeed[] {
  return NEIGHBOURS.map((neighbour) => {
    const theme = findTheme(neighbour.theme ?? 'russia-europe')
    const story: Story = {
      theme,
      actor: { name: '', full: neighbour.actor, tags: [] },
      action: { headline: '', past: neighbour.past },
      thing: { text: neighbour.thing, tags: [] },
      place: rng.pick(theme.places),
    }
    return {
      title: neighbour.title,
      ...writeStory(rng, story),
      category: 'international-news',
      tags: neighbour.tags,
      byline: HOUSE_BYLINE,
      image: 'diplomacy',
      status: 'published',
      publishedAgo: neighbour.ago,
      updatedAgo: neighbour.ago,
      createdAgo: neighbour.ago + 30 * MINUTE,
    }
  })
}
