// What the article page shows, as plain objects for its views: the story, its lists, its chrome.
import type { BylineAuthor } from '../../lib/byline'
import type { ArticleSummary, SlugLookup } from './articles'
import type { BreakingAlert } from './breaking-alerts'
import type { NavigationItem } from './categories'
import type { CommentView } from './comments'
import type { CorrectionNote } from './corrections'
import type { LiveBlogView } from './live-updates'
import type { TrendingItem } from './trending'

export interface ArticleDetail extends ArticleSummary {
  bodyHtml: string
  byline: string
  authorName: string | null
  status: string
  language: string
  commentsClosed: boolean
  /** From the media library, when the lead image is a library image (`/media/<key>`). */
  imageCaption: string | null
  imageCredit: string | null
  /** An agency item's original page, credited under the body (issue 19). */
  canonicalUrl?: string | null
}

export interface ArticlePageData {
  article: ArticleDetail
  /** Linked authors in byline order (issue 18); the free-text byline is kept beside them. */
  authors: BylineAuthor[]
  corrections: CorrectionNote[]
  tags: { slug: string; name: string }[]
  related: ArticleSummary[]
  comments: { items: CommentView[]; total: number; nextCursor: string | null }
  trending: TrendingItem[]
  navigation: NavigationItem[]
  lastUpdateAt: Date | null
  breakingAlert: BreakingAlert | null
  /** Its live coverage, running or ended; null for an ordinary article. */
  live: LiveBlogView | null
  /** Its published translations in other editions (articles.translation_group). */
  translations: ArticleTranslation[]
}

export interface ArticleTranslation {
  slug: string
  language: string
}

export type ArticlePageResult =
  | { kind: 'found'; page: ArticlePageData }
  | Exclude<SlugLookup<unknown>, { kind: 'found' }>
