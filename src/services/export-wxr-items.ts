// WXR <item>s for articles and pages, with their terms and threaded comments, as WordPress reads them.
import type { ExportArticle } from '../db/queries/export-articles'
import type { ExportPage } from '../db/queries/export-tables'
import { escapeXml, escapeXmlAttribute } from '../lib/xml'
import { absoluteUrls, cdata, tag, wpCommentApproved, wpDate, wpStatus } from './export-wxr-xml'

export interface WxrContext {
  /** The site's origin, for links and absolute image URLs; relative when unknown. */
  origin: string
  timeZone: string
  /** Section id → slug and name: few enough to keep for the whole run. */
  sections: Map<number, { slug: string; name: string }>
  /** WordPress numbers posts and pages in one sequence, so pages start after the last article. */
  pageIdOffset: number
}

interface WxrPost {
  id: number
  type: 'post' | 'page'
  title: string
  link: string
  creator: string | undefined
  html: string
  excerpt: string
  slug: string
  status: string
  publishedAt: Date | null
  updatedAt: Date
  commentsOpen: boolean
  terms: string[]
  comments: string[]
}

function renderPost(post: WxrPost, { timeZone }: WxrContext): string {
  const date = post.publishedAt ?? post.updatedAt
  return [
    '<item>',
    tag('title', post.title, true),
    tag('link', post.link),
    tag('pubDate', date.toUTCString()),
    post.creator !== undefined && tag('dc:creator', post.creator, true),
    `<guid isPermaLink="false">${escapeXml(post.link)}</guid>`,
    '<description></description>',
    tag('content:encoded', post.html, true),
    tag('excerpt:encoded', post.excerpt, true),
    tag('wp:post_id', post.id),
    tag('wp:post_date', wpDate(date, timeZone), true),
    tag('wp:post_date_gmt', wpDate(post.publishedAt), true),
    tag('wp:post_modified', wpDate(post.updatedAt, timeZone), true),
    tag('wp:post_modified_gmt', wpDate(post.updatedAt), true),
    tag('wp:comment_status', post.commentsOpen ? 'open' : 'closed', true),
    tag('wp:ping_status', 'closed', true),
    tag('wp:post_name', post.slug, true),
    tag('wp:status', post.status, true),
    tag('wp:post_parent', 0),
    tag('wp:menu_order', 0),
    tag('wp:post_type', post.type, true),
    tag('wp:post_password', '', true),
    tag('wp:is_sticky', 0),
    ...post.terms,
    ...post.comments,
    '</item>',
  ]
    .filter(Boolean)
    .join('\n')
}

function term(domain: 'category' | 'post_tag', slug: string, name: string): string {
  return `<category domain="${domain}" nicename="${escapeXmlAttribute(slug)}">${cdata(name)}</category>`
}

function renderComment(comment: ExportArticle['comments'][number], timeZone: string): string {
  return [
    '<wp:comment>',
    tag('wp:comment_id', comment.id),
    tag('wp:comment_author', comment.authorName, true),
    tag('wp:comment_author_email', '', true),
    tag('wp:comment_author_url', ''),
    tag('wp:comment_author_IP', '', true),
    tag('wp:comment_date', wpDate(comment.createdAt, timeZone), true),
    tag('wp:comment_date_gmt', wpDate(comment.createdAt), true),
    tag('wp:comment_content', comment.body, true),
    tag('wp:comment_approved', wpCommentApproved(comment.status), true),
    tag('wp:comment_type', 'comment', true),
    tag('wp:comment_parent', comment.parentId ?? 0),
    tag('wp:comment_user_id', 0),
    '</wp:comment>',
  ].join('\n')
}

export function renderArticleItem(row: ExportArticle, context: WxrContext): string {
  const { article } = row
  const section = context.sections.get(article.categoryId)
  return renderPost(
    {
      id: article.id,
      type: 'post',
      title: article.title,
      link: `${context.origin}/news/${encodeURIComponent(article.slug)}`,
      creator: row.authors[0]?.slug,
      html: absoluteUrls(article.bodyHtml, context.origin || undefined),
      excerpt: article.summary,
      slug: article.slug,
      status: wpStatus(article.status),
      publishedAt: article.publishedAt,
      updatedAt: article.updatedAt,
      commentsOpen: !article.commentsClosed,
      terms: [
        section && term('category', section.slug, section.name),
        ...row.tags.map((t) => term('post_tag', t.slug, t.name)),
      ].filter((t): t is string => Boolean(t)),
      comments: row.comments.map((comment) => renderComment(comment, context.timeZone)),
    },
    context,
  )
}

export function renderPageItem(page: ExportPage, context: WxrContext): string {
  return renderPost(
    {
      id: page.id + context.pageIdOffset,
      type: 'page',
      title: page.title,
      link: `${context.origin}/${encodeURIComponent(page.slug)}`,
      creator: undefined,
      html: absoluteUrls(page.bodyHtml, context.origin || undefined),
      excerpt: page.summary,
      slug: page.slug,
      status: wpStatus(page.status),
      publishedAt: page.publishedAt,
      updatedAt: page.updatedAt,
      commentsOpen: false,
      terms: [],
      comments: [],
    },
    context,
  )
}
