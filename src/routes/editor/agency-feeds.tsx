// Agency feed subscriptions in the newsroom (editors and admins): list, subscribe, unsubscribe.
import { Hono } from 'hono'
import { loadAgencyFeedsPage } from '../../db/queries/agency-feeds'
import { allow, type EditorEnv } from '../../middleware/auth'
import { subscribeFeed, unsubscribeFeed } from '../../services/agency-feed-subscriptions'
import { InvalidFields } from '../../services/editorial-input'
import {
  AgencyFeedsPage,
  type AgencyFeedsPageProps,
} from '../../views/editor/agency-feeds/agency-feeds-page'
import { type EditorContext, editorChrome, formText, parseId, readForm } from './context'

async function renderFeeds(
  c: EditorContext,
  extra: Omit<AgencyFeedsPageProps, 'chrome' | 'feeds' | 'sections'> = {},
) {
  const { feeds, sections } = await loadAgencyFeedsPage(c.var.db)
  return c.render(
    <AgencyFeedsPage
      chrome={editorChrome(c, 'agency-feeds')}
      feeds={feeds}
      sections={sections}
      {...extra}
    />,
  )
}

export const agencyFeeds = new Hono<EditorEnv>()
  // Deny by default: only the roles that may publish reach any path here, including later ones.
  .use('/agency-feeds', allow('admin', 'editor'))
  .use('/agency-feeds/*', allow('admin', 'editor'))
  .get('/agency-feeds', (c) => renderFeeds(c))
  .post('/agency-feeds', async (c) => {
    const form = await readForm(c)
    const input = {
      url: formText(form, 'url'),
      section: formText(form, 'section'),
      byline: formText(form, 'byline'),
      mode: formText(form, 'mode'),
    }
    try {
      await subscribeFeed(c.var.db, c.var.user, input, {
        allowPrivate: c.var.config.agencyFeeds.allowPrivateAddresses,
      })
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error
      c.status(422)
      return renderFeeds(c, {
        form: input,
        errors: error.fields,
        notice: { kind: 'error', text: 'The feed was not added. See the fields below.' },
      })
    }
    c.status(201)
    return renderFeeds(c, {
      notice: { kind: 'success', text: 'Subscribed. The first poll comes within five minutes.' },
    })
  })
  .post('/agency-feeds/:id/delete', async (c) => {
    await unsubscribeFeed(c.var.db, c.var.user, parseId(c.req.param('id'), 'feed'))
    return renderFeeds(c, { notice: { kind: 'success', text: 'Unsubscribed. Its articles stay.' } })
  })
