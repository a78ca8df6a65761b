// The newsroom dashboard: work in progress, what is scheduled and live, comments waiting, jobs, reads.
import type { DashboardData } from '../../../db/queries/editor-lists'
import { formatDateTime } from '../../../lib/time'
import type { EditorChrome } from '../chrome'
import { ArticleLinks } from '../components/article-links'
import { ViewsChart } from '../components/views-chart'
import { EditorLayout } from '../layout'

/** `{"published":2,"purged":14}` → "published 2 · purged 14". */
function describeCounts(json: string): string {
  try {
    const counts = JSON.parse(json) as Record<string, unknown>
    const parts = Object.entries(counts).map(([name, value]) => `${name} ${String(value)}`)
    return parts.join(' · ') || '—'
  } catch {
    return json
  }
}

export function DashboardPage({ chrome, data }: { chrome: EditorChrome; data: DashboardData }) {
  const tz = chrome.site.timeZone
  return (
    <EditorLayout chrome={chrome} title="Dashboard">
      <div class="page-heading">
        <h1>Dashboard</h1>
        <a class="button" href="/editor/articles/new">
          New article
        </a>
      </div>
      <div class="dashboard-grid">
        <section aria-labelledby="dash-drafts">
          <h2 id="dash-drafts">Drafts</h2>
          <ArticleLinks rows={data.drafts} timeZone={tz} time="updated" empty="No drafts." />
        </section>
        <section aria-labelledby="dash-review">
          <h2 id="dash-review">Waiting for review</h2>
          <ArticleLinks
            rows={data.review}
            timeZone={tz}
            time="updated"
            empty="Nothing to review."
          />
        </section>
        <section aria-labelledby="dash-scheduled">
          <h2 id="dash-scheduled">Scheduled</h2>
          <ArticleLinks
            rows={data.scheduled}
            timeZone={tz}
            time="published"
            empty="Nothing scheduled."
          />
        </section>
        <section aria-labelledby="dash-published">
          <h2 id="dash-published">Recently published</h2>
          <ArticleLinks
            rows={data.published}
            timeZone={tz}
            time="published"
            empty="Nothing published yet."
          />
        </section>
        {chrome.can.moderate ? (
          <section aria-labelledby="dash-comments">
            <h2 id="dash-comments">
              Pending comments <span class="count">{data.pendingTotal}</span>
            </h2>
            {data.pendingComments.length === 0 ? (
              <p class="empty">No comments are waiting.</p>
            ) : (
              <ul class="comment-snippets">
                {data.pendingComments.map((comment) => (
                  <li>
                    <strong>{comment.authorName}</strong> on <em>{comment.articleTitle}</em>:{' '}
                    {comment.body.length > 140 ? `${comment.body.slice(0, 140)}…` : comment.body}
                  </li>
                ))}
              </ul>
            )}
            <p>
              <a href="/editor/comments">Open the moderation queue</a>
            </p>
          </section>
        ) : null}
        <section aria-labelledby="dash-jobs">
          <h2 id="dash-jobs">Scheduled jobs</h2>
          {data.jobs.length === 0 ? (
            <p class="empty">No job has run yet.</p>
          ) : (
            <table class="editor-table">
              <thead>
                <tr>
                  <th scope="col">Job</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last finished</th>
                  <th scope="col">Counts</th>
                </tr>
              </thead>
              <tbody>
                {data.jobs.map((job) => (
                  <tr>
                    <td>{job.name}</td>
                    <td>
                      <span class={`job-status job-status--${job.status}`}>{job.status}</span>
                      {job.lastError ? <p class="field-error">{job.lastError}</p> : null}
                    </td>
                    <td>{job.lastFinishedAt ? formatDateTime(job.lastFinishedAt, tz) : '—'}</td>
                    <td class="job-counts">{describeCounts(job.counts)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
      <section aria-labelledby="dash-views" class="dashboard-views">
        <h2 id="dash-views">Reads, last 14 days</h2>
        <ViewsChart days={data.views} />
      </section>
    </EditorLayout>
  )
}
