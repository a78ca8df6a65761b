// schema.org LiveBlogPosting for a live article: coverage times and its updates as BlogPostings.
import type { LiveBlogView } from '../../db/queries/live-updates'
import { excerptOf } from '../../lib/plain-text'
import { JsonLd } from '../components/json-ld'

export function LiveBlogJsonLd(props: { live: LiveBlogView; url: string; headline: string }) {
  const { live, url, headline } = props
  return (
    <JsonLd
      data={{
        '@context': 'https://schema.org',
        '@type': 'LiveBlogPosting',
        '@id': `${url}#live`,
        url,
        headline,
        coverageStartTime: live.startedAt.toISOString(),
        // While coverage runs its end is unknown; schema.org expects a time, so none is given.
        ...(live.endedAt ? { coverageEndTime: live.endedAt.toISOString() } : {}),
        liveBlogUpdate: live.updates.map((update) => ({
          '@type': 'BlogPosting',
          '@id': `${url}#update-${update.id}`,
          url: `${url}#update-${update.id}`,
          headline: excerptOf(update.bodyHtml, 110),
          datePublished: update.createdAt.toISOString(),
          dateModified: update.updatedAt.toISOString(),
          articleBody: excerptOf(update.bodyHtml, 5000),
          ...(update.authorName ? { author: { '@type': 'Person', name: update.authorName } } : {}),
        })),
      }}
    />
  )
}
