// A <time> with an absolute date in the HTML that public/js/site.js turns into "6 hours ago".
import { formatDateTime } from '../../lib/time'

export function RelativeTime({ date, timeZone }: { date: Date; timeZone: string }) {
  return (
    <time datetime={date.toISOString()} data-relative>
      {formatDateTime(date, timeZone)}
    </time>
  )
}
