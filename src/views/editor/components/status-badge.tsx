// An article's or comment's status as a small coloured label (the word itself carries the meaning).

const LABELS: Record<string, string> = {
  draft: 'Draft',
  review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  archived: 'Archived',
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
  spam: 'Spam',
}

export function StatusBadge({ status }: { status: string }) {
  return <span class={`status-badge status-badge--${status}`}>{LABELS[status] ?? status}</span>
}
