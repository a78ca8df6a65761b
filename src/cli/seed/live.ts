// Seeds one live article: a storm's coverage with a dozen updates over the last hours, newest on home.
import { eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { setLastUpdate } from '../../db/queries/site-state'
import {
  articles,
  articleTags,
  categories,
  liveBlogs,
  liveUpdates,
  tags,
  users,
} from '../../db/schema'
import { renderMarkdown } from '../../services/markdown'

export const LIVE_SEED_SLUG = 'live-storm-batters-the-coast'

const MINUTE = 60_000

/** Minutes ago, text, key event: oldest first, as the desk would have posted them. */
const UPDATES: [number, string, boolean][] = [
  [235, 'Forecasters upgrade the storm warning to **red** for the whole coastal strip.', true],
  [
    220,
    'Schools in the three coastal districts will stay closed tomorrow, the ministry says.',
    false,
  ],
  [196, 'Wind gusts of 110 km/h recorded at the harbour weather station.', false],
  [
    170,
    'Ferries suspended until further notice; the port authority asks travellers to stay home.',
    true,
  ],
  [151, 'Our reporter at the seafront: waves are breaking over the promenade wall.', false],
  [128, 'About 12,000 homes are without power after lines came down north of the city.', true],
  [104, 'Civil defence opens four shelters; the list is on the municipality’s site.', false],
  [83, 'The coastal road is closed between the harbour and the river bridge.', false],
  [61, 'Power restored to roughly half of the affected homes, the grid operator says.', false],
  [42, 'Rain bands move inland; flood alerts issued for two river valleys.', true],
  [23, 'No injuries reported so far, according to civil defence.', false],
  [8, 'The storm’s eye is expected to pass offshore within the hour.', false],
]

const BODY = [
  'A powerful storm is battering the coast, with red warnings in force, ferries suspended and thousands of homes without power.',
  'Forecasters expect the strongest winds through the evening, with heavy rain moving inland overnight.',
  'Civil defence asks residents of low-lying streets to move to higher ground or to the shelters it has opened.',
  'This page follows events as they happen; the latest updates are below, and key events are listed first.',
].join('\n\n')

const TAGS = [
  { slug: 'storm', name: 'Storm' },
  { slug: 'live-coverage', name: 'Live coverage' },
]

/** Adds the live article and its updates; does nothing when it is there already. */
export async function seedLiveCoverage(db: Db, now: number): Promise<void> {
  const [existing] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.slug, LIVE_SEED_SLUG))
  if (existing) return
  const [category] = await db
    .select({ id: categories.id })
    .from(categories)
    .orderBy(categories.position)
    .limit(1)
  if (!category) return
  const [editor] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'editor@bulletin.local'))
  const startedAt = new Date(now - 240 * MINUTE)
  const [article] = await db
    .insert(articles)
    .values({
      slug: LIVE_SEED_SLUG,
      title: 'Live: storm batters the coast, ferries halted and homes without power',
      summary: 'Follow the storm as it happens: warnings, closures, power cuts and shelters.',
      bodyMd: BODY,
      bodyHtml: renderMarkdown(BODY),
      categoryId: category.id,
      byline: 'By the Live Desk',
      status: 'published',
      // Bumped with the coverage, so it leads the home page's latest list.
      publishedAt: new Date(now - 15 * MINUTE),
      updatedAt: new Date(now - 8 * MINUTE),
      createdAt: startedAt,
      imageUrl: '/images/placeholders/globe.svg',
      imageAlt: 'A globe, standing for a story followed live',
      imageWidth: 1200,
      imageHeight: 675,
    })
    .returning({ id: articles.id })
  if (!article) return
  await db.insert(tags).values(TAGS).onConflictDoNothing()
  const tagRows = await db
    .select({ id: tags.id })
    .from(tags)
    .where(
      inArray(
        tags.slug,
        TAGS.map((tag) => tag.slug),
      ),
    )
  await db.batch([
    db.insert(articleTags).values(tagRows.map((tag) => ({ articleId: article.id, tagId: tag.id }))),
    db.insert(liveBlogs).values({ articleId: article.id, startedAt }),
    db.insert(liveUpdates).values(
      UPDATES.map(([ago, text, keyEvent]) => ({
        articleId: article.id,
        bodyMd: text,
        bodyHtml: renderMarkdown(text),
        keyEvent,
        authorId: editor?.id ?? null,
        createdAt: new Date(now - ago * MINUTE),
        updatedAt: new Date(now - ago * MINUTE),
      })),
    ),
  ]) // The newest update is the site's last content change, shown in every footer.
  await setLastUpdate(db, new Date(now - 8 * MINUTE))
}
