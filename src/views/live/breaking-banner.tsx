// The breaking-news line across the top of reader pages, and the placeholder htmx fills with it.
import type { BreakingAlert } from '../../db/queries/breaking-alerts'

export const BREAKING_FRAGMENT_URL = '/fragments/breaking'

/** What /fragments/breaking answers: the alert, or an empty placeholder when there is none. */
export function BreakingBanner({ alert }: { alert: BreakingAlert | null }) {
  if (!alert) return <div id="breaking" class="breaking" hidden />
  return (
    <div id="breaking" class="breaking">
      <BreakingLine alert={alert} />
    </div>
  )
}

/**
 * The banner as the page was rendered (so that it shows without JavaScript), refreshed after load
 * by public/js/site.js (data-refresh-from), which replaces it only when the fragment differs: pages
 * stay cached for everyone and a new or cleared alert purges one small fragment, so the alert costs
 * no site-wide purge.
 */
export function BreakingSlot({ alert }: { alert: BreakingAlert | null }) {
  const attributes = { 'data-refresh-from': BREAKING_FRAGMENT_URL }
  if (!alert) return <div id="breaking" class="breaking" hidden {...attributes} />
  return (
    <div id="breaking" class="breaking" {...attributes}>
      <BreakingLine alert={alert} />
    </div>
  )
}

function BreakingLine({ alert }: { alert: BreakingAlert }) {
  return (
    <p class="breaking__inner">
      <strong class="breaking__label">Breaking</strong>{' '}
      <a href={alert.url} class="breaking__link">
        {alert.headline}
      </a>
    </p>
  )
}
