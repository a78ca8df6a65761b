// Subscribing the newsroom to agency feeds and unsubscribing: editors and admins only, URLs checked.
import type { Db } from '../db/client'
import {
  type AgencyFeedMode,
  deleteAgencyFeed,
  findAgencyFeedByUrl,
  findCategoryIdBySlug,
  insertAgencyFeed,
} from '../db/queries/agency-feeds'
import { BYLINE_MAX } from '../lib/article-input-limits'
import { AppError } from '../lib/errors'
import { checkOutboundUrl } from '../lib/outbound-url'
import { auditEntry, recordAudit } from './audit'
import { InvalidFields } from './editorial-input'
import { type Actor, requirePermission } from './editorial-permissions'

const FEED_URL_MAX = 2000
const FEED_MODES: readonly AgencyFeedMode[] = ['draft', 'publish']

/** What the subscribe form sends, as typed (the form shows it again when something is wrong). */
export interface SubscriptionInput {
  url: string
  section: string
  byline: string
  mode: string
}

/**
 * Subscribes to a feed. Items land in the subscriber's name, and may be published straight away,
 * so this takes the right to publish. Field errors come back as InvalidFields.
 */
export async function subscribeFeed(
  db: Db,
  actor: Actor,
  input: SubscriptionInput,
  policy: { allowPrivate: boolean },
): Promise<number> {
  requirePermission(actor, 'articles:publish')
  const errors: Record<string, string> = {}
  const url = input.url.trim()
  if (!url) errors.url = 'Give the address of the feed, starting with https://.'
  else if (url.length > FEED_URL_MAX)
    errors.url = `The address can be at most ${FEED_URL_MAX} characters.`
  else {
    const refusal = checkOutboundUrl(url, policy)
    if (refusal) errors.url = refusal
  }
  const byline = input.byline.trim()
  if (byline.length > BYLINE_MAX)
    errors.byline = `The byline can be at most ${BYLINE_MAX} characters.`
  if (!(FEED_MODES as readonly string[]).includes(input.mode)) {
    errors.mode = 'Choose whether items arrive as drafts or are published.'
  }
  const categoryId = input.section ? await findCategoryIdBySlug(db, input.section) : null
  if (categoryId === null) errors.section = 'Choose a section.'
  const normalised = errors.url ? url : new URL(url).href
  if (!errors.url && (await findAgencyFeedByUrl(db, normalised))) {
    errors.url = 'The newsroom already takes this feed.'
  }
  if (Object.keys(errors).length > 0) throw new InvalidFields(errors)
  const id = await insertAgencyFeed(db, {
    url: normalised,
    categoryId: categoryId as number,
    byline,
    mode: input.mode as AgencyFeedMode,
    createdBy: actor.id,
  })
  await recordAudit(
    db,
    auditEntry(actor, 'feed.subscribe', { type: 'agency_feed', id }, { url: normalised }),
  )
  return id
}

/** Stops polling a feed; the articles it brought stay. */
export async function unsubscribeFeed(db: Db, actor: Actor, id: number): Promise<void> {
  requirePermission(actor, 'articles:publish')
  if (!(await deleteAgencyFeed(db, id))) throw new AppError('NOT_FOUND', 'There is no such feed.')
  await recordAudit(db, auditEntry(actor, 'feed.unsubscribe', { type: 'agency_feed', id }))
}
