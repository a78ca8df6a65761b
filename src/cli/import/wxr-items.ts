// WXR (WordPress eXtended RSS 1.1/1.2) nodes read into plain records: authors, terms, items.
import { childRaw, childText, type XmlNode } from './xml-stream'

export interface WxrAuthor {
  id: string
  login: string
  email: string
  displayName: string
}

export interface WxrTerm {
  kind: 'category' | 'tag'
  id: string
  slug: string
  name: string
  /** The parent category's slug; '' for a top-level one. */
  parent: string
}

export interface WxrComment {
  id: string
  author: string
  date: string
  content: string
  approved: string
  type: string
  parent: string
}

export interface WxrItem {
  id: string
  title: string
  link: string
  guid: string
  creator: string
  content: string
  excerpt: string
  postDate: string
  postDateGmt: string
  postName: string
  postType: string
  status: string
  password: string
  sticky: boolean
  parent: string
  attachmentUrl: string
  categories: { domain: string; slug: string; name: string }[]
  meta: Map<string, string>
  comments: WxrComment[]
}

export function readAuthor(node: XmlNode): WxrAuthor {
  return {
    id: childText(node, 'wp:author_id'),
    login: childText(node, 'wp:author_login'),
    email: childText(node, 'wp:author_email'),
    displayName: childText(node, 'wp:author_display_name') || childText(node, 'wp:author_login'),
  }
}

/** `<wp:category>`, `<wp:tag>` and WXR 1.2's generic `<wp:term>` (only categories and tags kept). */
export function readTerm(node: XmlNode): WxrTerm | null {
  if (node.name === 'wp:category') {
    return {
      kind: 'category',
      id: childText(node, 'wp:term_id'),
      slug: childText(node, 'wp:category_nicename'),
      name: childText(node, 'wp:cat_name'),
      parent: childText(node, 'wp:category_parent'),
    }
  }
  if (node.name === 'wp:tag') {
    return {
      kind: 'tag',
      id: childText(node, 'wp:term_id'),
      slug: childText(node, 'wp:tag_slug'),
      name: childText(node, 'wp:tag_name'),
      parent: '',
    }
  }
  const taxonomy = childText(node, 'wp:term_taxonomy')
  if (node.name !== 'wp:term' || (taxonomy !== 'category' && taxonomy !== 'post_tag')) return null
  return {
    kind: taxonomy === 'category' ? 'category' : 'tag',
    id: childText(node, 'wp:term_id'),
    slug: childText(node, 'wp:term_slug'),
    name: childText(node, 'wp:term_name'),
    parent: childText(node, 'wp:term_parent'),
  }
}

export function readItem(node: XmlNode): WxrItem {
  const meta = new Map<string, string>()
  const comments: WxrComment[] = []
  const categories: WxrItem['categories'] = []
  for (const child of node.children) {
    if (child.name === 'wp:postmeta')
      meta.set(childText(child, 'wp:meta_key'), childRaw(child, 'wp:meta_value'))
    if (child.name === 'category') {
      categories.push({
        domain: child.attrs.domain ?? '',
        slug: child.attrs.nicename ?? '',
        name: child.text.trim(),
      })
    }
    if (child.name === 'wp:comment') {
      comments.push({
        id: childText(child, 'wp:comment_id'),
        author: childText(child, 'wp:comment_author'),
        date: childText(child, 'wp:comment_date_gmt') || childText(child, 'wp:comment_date'),
        content: childRaw(child, 'wp:comment_content'),
        approved: childText(child, 'wp:comment_approved'),
        type: childText(child, 'wp:comment_type'),
        parent: childText(child, 'wp:comment_parent'),
      })
    }
  }
  return {
    id: childText(node, 'wp:post_id'),
    title: childText(node, 'title'),
    link: childText(node, 'link'),
    guid: childText(node, 'guid'),
    creator: childText(node, 'dc:creator'),
    content: childRaw(node, 'content:encoded'),
    excerpt: childRaw(node, 'excerpt:encoded').trim(),
    postDate: childText(node, 'wp:post_date'),
    postDateGmt: childText(node, 'wp:post_date_gmt'),
    postName: childText(node, 'wp:post_name'),
    postType: childText(node, 'wp:post_type'),
    status: childText(node, 'wp:status'),
    password: childText(node, 'wp:post_password'),
    sticky: childText(node, 'wp:is_sticky') === '1',
    parent: childText(node, 'wp:post_parent'),
    attachmentUrl: childText(node, 'wp:attachment_url'),
    categories,
    meta,
    comments,
  }
}

/** WordPress dates are `YYYY-MM-DD HH:MM:SS`; GMT when `gmt` (else the site's time, taken as UTC). */
export function parseWpDate(gmt: string, local: string): Date | null {
  for (const value of [gmt, local]) {
    if (!value || value.startsWith('0000')) continue
    const date = new Date(`${value.replace(' ', 'T')}Z`)
    if (!Number.isNaN(date.getTime())) return date
  }
  return null
}
