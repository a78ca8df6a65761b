// A <time> with an absolute date in the HTML that public/js/site.js turns into "6 hours ago".
import { useI18n } from '../i18n-context'

export function RelativeTime({ date, timeZone }: { date: Date; timeZone: string }) {
  const i18n = useI18n()
  return (
    <time datetime={date.toISOString()} data-relative>
      {i18n.dateTime(date, timeZone)}
    </time>
  )
}
