// Generates every demo article: the reference stories plus themed ones, identical on every run.
import { type Story, writeStory } from './bodies'
import { createRng, pickWeighted, type Rng } from './random'
import { REFERENCE_ARTICLE, REFERENCE_RELATED } from './reference-article'
import { writeNeighbours } from './reference-neighbours'
import { drawFreshTitle, dropArticle, fill, titleCase } from './text'
import { THEMES, type Theme, type Thing } from './themes'
import { type ArticleSeed, DAY, HOUR, MINUTE, roundToMinute } from './types'
import { CATEGORIES, COLUMNIST_BYLINES, HOUSE_BYLINE, STAFF_BYLINES } from './words'

const SEED = 20_250_702
/** How many articles of each status the generator writes, on top of the fixed reference stories. */
export const GENERATED = { published: 310, scheduled: 6, draft: 6, archived: 2 } as const
/** Published stories spread over this window before `now`. */
export const PUBLISHED_WINDOW = 60 * DAY

const NEWS_TITLES = ['{A} {V} {T}', '{A} {V} {T}', '{A} {V} {T}', '{A} {V} {T}: Report']
const PLAIN_TITLES = ['{A} {V} {T}']

/** Every article, oldest first, so ids grow with time as they would on a real site. */
export function generateArticles(): ArticleSeed[] {
  const rng = createRng(SEED)
  const titles = new Set<string>()
  const fixed = [REFERENCE_ARTICLE, ...REFERENCE_RELATED, ...writeNeighbours(rng)]
  for (const article of fixed) titles.add(article.title)

  const generated: ArticleSeed[] = []
  for (const [status, count] of Object.entries(GENERATED)) {
    for (let i = 0; i < count; i++) {
      generated.push(writeArticle(rng, titles, status as ArticleSeed['status']))
    }
  }
  const all = [...fixed, ...generated]
  // Stable sort: equal creation times keep generation order, so ids never depend on the engine.
  return all.sort((a, b) => b.createdAgo - a.createdAgo)
}

function writeArticle(rng: Rng, titles: Set<string>, status: ArticleSeed['status']): ArticleSeed {
  const { story, title } = drawFreshTitle(titles, () => {
    const story = pickStory(rng)
    return { story, title: writeTitle(rng, story) }
  })
  const { theme } = story
  const category = CATEGORIES.find((c) => c.slug === theme.category)
  if (!category) throw new Error(`Theme ${theme.key} names unknown category ${theme.category}`)
  return {
    title,
    ...writeStory(rng, story),
    category: category.slug,
    tags: pickTags(rng, story),
    byline:
      theme.register === 'opinion'
        ? rng.pick(COLUMNIST_BYLINES)
        : rng.chance(0.55)
          ? HOUSE_BYLINE
          : rng.pick(STAFF_BYLINES),
    image: theme.image ?? category.image,
    status,
    ...pickTimes(rng, status),
  }
}

function pickStory(rng: Rng): Story {
  const theme: Theme = pickWeighted(rng, THEMES)
  return {
    theme,
    actor: rng.pick(theme.actors),
    action: rng.pick(theme.actions),
    thing: rng.pick(theme.things),
    place: rng.pick(theme.places),
  }
}

function writeTitle(rng: Rng, story: Story): string {
  const { theme } = story
  const plain = (theme.register ?? 'news') !== 'news' || story.action.headline.includes('Report')
  const patterns = theme.titles ?? (plain ? PLAIN_TITLES : NEWS_TITLES)
  // Columns keep the article ("the return of…"); news headlines drop it.
  const phrase = (thing: Thing) =>
    theme.register === 'opinion' ? thing.text : dropArticle(thing.text)
  const other = rng.pick(theme.things.filter((thing) => thing !== story.thing))
  const raw = fill(rng.pick(patterns), {
    A: story.actor.name,
    V: story.action.headline,
    T: phrase(story.thing),
    T2: phrase(other),
    P: story.place,
  })
  return titleCase(raw)
}

/** The actor's and the thing's tags first, so tags follow the headline; then the theme's. */
function pickTags(rng: Rng, story: Story): string[] {
  const { theme } = story
  const candidates = [
    ...new Set([
      ...story.actor.tags,
      ...story.thing.tags,
      ...rng.sample(theme.tags, theme.tags.length),
    ]),
  ]
  if (candidates.length < 2) throw new Error(`Theme ${theme.key} gives fewer than 2 tags`)
  return candidates.slice(0, Math.max(2, Math.min(candidates.length, rng.int(2, 5))))
}

function pickTimes(
  rng: Rng,
  status: ArticleSeed['status'],
): Pick<ArticleSeed, 'publishedAgo' | 'updatedAgo' | 'createdAgo'> {
  switch (status) {
    case 'published': {
      // Skewed towards recent days, as a live news site is.
      const ago = roundToMinute(20 * MINUTE + (PUBLISHED_WINDOW - 2 * HOUR) * rng.next() ** 1.3)
      const hoursBefore = Math.floor(ago / HOUR) - 1
      const updatedAgo =
        hoursBefore >= 1 && rng.chance(0.15)
          ? ago - rng.int(1, Math.min(6, hoursBefore)) * HOUR
          : ago
      return { publishedAgo: ago, updatedAgo, createdAgo: ago + rng.int(10, 240) * MINUTE }
    }
    case 'scheduled': {
      const createdAgo = rng.int(2, 72) * HOUR
      return {
        publishedAgo: -rng.int(1, 48) * HOUR,
        updatedAgo: roundToMinute(createdAgo * rng.next()) + 5 * MINUTE,
        createdAgo,
      }
    }
    case 'draft': {
      const createdAgo = rng.int(1, 200) * HOUR
      return {
        publishedAgo: null,
        updatedAgo: roundToMinute(createdAgo * rng.next()) + 5 * MINUTE,
        createdAgo,
      }
    }
    case 'archived': {
      const ago = rng.int(45, 58) * DAY
      return { publishedAgo: ago, updatedAgo: ago - rng.int(1, 5) * DAY, createdAgo: ago + HOUR }
    }
  }
}
