// The comment moderation page: a tab per status with its count, and the queue.
import type { CommentStatus } from '../../../db/schema'
import type { EditorChrome } from '../chrome'
import { ModerationTabs } from '../components/moderation-tabs'
import { ModerationQueue, type ModerationQueueProps } from '../fragments/moderation-queue'
import { EditorLayout } from '../layout'

export function ModerationPage(props: {
  chrome: EditorChrome
  counts: Partial<Record<CommentStatus, number>>
  queue: ModerationQueueProps
}) {
  const { chrome, counts, queue } = props
  return (
    <EditorLayout chrome={chrome} title="Comments">
      <h1>Comments</h1>
      <ModerationTabs current={queue.status} counts={counts} />
      <ModerationQueue {...queue} />
    </EditorLayout>
  )
}
