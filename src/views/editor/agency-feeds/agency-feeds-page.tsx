// Agency feeds (editors and admins): subscribe to RSS or Atom wire copy, see each feed's health.
import type { AgencyFeedRow } from '../../../db/queries/agency-feeds'
import type { EditorChrome, Notice } from '../chrome'
import { NoticeMessage } from '../components/notice'
import { EditorLayout } from '../layout'
import { FeedTable } from './feed-table'
import { EMPTY_SUBSCRIPTION, SubscribeForm, type SubscribeFormValues } from './subscribe-form'

export interface AgencyFeedsPageProps {
  chrome: EditorChrome
  feeds: AgencyFeedRow[]
  sections: { slug: string; name: string }[]
  notice?: Notice
  form?: SubscribeFormValues
  errors?: Record<string, string>
}

export function AgencyFeedsPage(props: AgencyFeedsPageProps) {
  const { chrome, feeds, sections, errors = {} } = props
  const csrf = chrome.csrfToken ?? ''
  return (
    <EditorLayout chrome={chrome} title="Agency feeds">
      <h1>Agency feeds</h1>
      <p>
        Every five minutes the newsroom checks each feed and takes in the stories it has not seen,
        crediting the agency’s page as the source.
      </p>
      <NoticeMessage notice={props.notice} />
      <SubscribeForm
        csrf={csrf}
        sections={sections}
        values={props.form ?? EMPTY_SUBSCRIPTION}
        errors={errors}
      />
      <FeedTable feeds={feeds} csrf={csrf} timeZone={chrome.site.timeZone} />
    </EditorLayout>
  )
}
