// A compact list of stories with thumbnails and times: Related News and What's hot.
import type { ArticleSummary } from '../../db/queries/articles'
import { RelativeTime } from './relative-time'
import { ResponsiveImage } from './responsive-image'

export interface StoryListProps {
  id: string
  heading: string
  stories: ArticleSummary[]
  timeZone: string
  /** Marks the list as the trending one, for the "what's hot" style. */
  hot?: boolean
}

export function StoryList({ id, heading, stories, timeZone, hot }: StoryListProps) {
  if (stories.length === 0) return null
  return (
    <section class={hot ? 'story-list story-list--hot' : 'story-list'} aria-labelledby={id}>
      <h2 id={id} class="section-heading">
        {heading}
      </h2>
      <ol>
        {stories.map((story) => (
          <li class="story-list__item">
            {story.imageUrl ? (
              <ResponsiveImage
                class="story-list__thumb"
                src={story.imageUrl}
                alt=""
                width={120}
                height={68}
                sizes="7.5rem"
                fallbackWidth={320}
              />
            ) : null}
            <div>
              <a class="story-list__title" href={`/news/${story.slug}`}>
                {story.title}
              </a>
              {story.publishedAt ? (
                <RelativeTime date={story.publishedAt} timeZone={timeZone} />
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  )
}
