// A status or error message at the top of a newsroom form or page; errors are announced at once.
import type { Notice } from '../chrome'

export function NoticeMessage({ notice }: { notice?: Notice }) {
  if (!notice) return null
  return (
    <p class={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </p>
  )
}
