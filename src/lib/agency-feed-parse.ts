// Reads an agency's RSS 2.0 or Atom 1.0 feed (with media: and dc: extensions) into plain items.
import {
  absoluteUrl,
  atomHtml,
  atomText,
  type FeedImage,
  list,
  mediaImage,
  type Node,
  textOf,
} from './agency-feed-nodes'
import { htmlToText } from './agency-feed-text'
import { parseXml, XmlSyntaxError } from './agency-feed-xml'

export type { FeedImage } from './agency-feed-nodes'

export interface FeedItem {
  /** The guid (RSS) or id (Atom); the link when there is none. Items are deduplicated by it. */
  key: string
  title: string
  /** The source's own page for the story: the article's canonical credit. */
  link: string | null
  /** Short text, from the description or summary. */
  summary: string
  /** The fullest HTML the feed gives: content:encoded or Atom content, else the description. */
  html: string
  author: string | null
  publishedAt: Date | null
  categories: string[]
  image: FeedImage | null
}

export interface ParsedFeed {
  format: 'rss' | 'atom'
  title: string
  items: FeedItem[]
}

/** A feed that cannot be read; the message says where and why, for the newsroom and the CLI. */
export class FeedParseError extends Error {}

const ARRAYS = new Set([
  'item',
  'entry',
  'link',
  'category',
  'media:content',
  'media:thumbnail',
  'enclosure',
  'author',
  'dc:creator',
  'dc:subject',
])

/** Parses feed XML. Throws FeedParseError for anything that is not well-formed RSS 2.0 or Atom. */
export function parseFeed(xml: string, base?: string): ParsedFeed {
  const text = xml.replace(/^\uFEFF/, '')
  let doc: Node
  try {
    // The reader refuses a DOCTYPE with declarations, so no entity is ever defined or expanded.
    doc = parseXml(text, (name) => ARRAYS.has(name))
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error
    throw new FeedParseError(
      `The feed is not well-formed XML (line ${error.line}, column ${error.column}): ${error.message}`,
    )
  }
  const rss = doc.rss as Node | undefined
  if (rss && typeof rss === 'object') {
    const channel = rss.channel as Node | undefined
    if (!channel) throw new FeedParseError('The RSS feed has no <channel>.')
    const items = (channel.item as Node[] | undefined) ?? []
    return {
      format: 'rss',
      title: textOf(channel.title),
      items: collect(items.map((item) => rssItem(item, base))),
    }
  }
  const feed = doc.feed as Node | undefined
  if (feed && typeof feed === 'object') {
    const entries = (feed.entry as Node[] | undefined) ?? []
    return {
      format: 'atom',
      title: atomText(feed.title),
      items: collect(entries.map((entry) => atomEntry(entry, base))),
    }
  }
  throw new FeedParseError('This is XML, but neither an RSS 2.0 nor an Atom 1.0 feed.')
}

function collect(items: (FeedItem | null)[]): FeedItem[] {
  return items.filter((item): item is FeedItem => item !== null)
}

function rssItem(item: Node, base: string | undefined): FeedItem | null {
  const link = absoluteUrl(textOf(item.link), base)
  const guid = textOf(item.guid)
  const description = textOf(item.description)
  const encoded = textOf(item['content:encoded'])
  const authors = [...list(item['dc:creator']), ...list(item.author)].map(textOf).filter(Boolean)
  const categories = [...list(item.category), ...list(item['dc:subject'])].map(textOf)
  return finishItem({
    key: guid || link || '',
    rawTitle: htmlToText(textOf(item.title)),
    link,
    summaryHtml: description,
    html: encoded || description,
    author: authors[0] ?? null,
    date: textOf(item.pubDate) || textOf(item['dc:date']),
    categories,
    image: mediaImage(item, base),
  })
}

function atomEntry(entry: Node, base: string | undefined): FeedItem | null {
  const links = list(entry.link) as Node[]
  const alternate = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? links[0]
  const link = absoluteUrl(textOf(alternate?.['@href']), base)
  const summary = atomHtml(entry.summary)
  const content = atomHtml(entry.content)
  const author = list(entry.author)
    .map((a) => textOf((a as Node)?.name ?? a))
    .find(Boolean)
  return finishItem({
    key: textOf(entry.id) || link || '',
    rawTitle: atomText(entry.title),
    link,
    summaryHtml: summary || content,
    html: content || summary,
    author: author ?? null,
    date: textOf(entry.published) || textOf(entry.updated),
    categories: list(entry.category).map((c) => textOf((c as Node)?.['@term'] ?? c)),
    image: mediaImage(entry, base),
  })
}

interface RawItem {
  key: string
  rawTitle: string
  link: string | null
  summaryHtml: string
  html: string
  author: string | null
  date: string
  categories: string[]
  image: FeedImage | null
}

function finishItem(raw: RawItem): FeedItem | null {
  const summary = htmlToText(raw.summaryHtml)
  // An untitled item is titled by its first words, as readers would skim it; no text, no story.
  const title = raw.rawTitle || summary.slice(0, 120)
  if (!raw.key || !title) return null
  const parsed = raw.date ? new Date(raw.date) : null
  return {
    key: raw.key.slice(0, 1000),
    title,
    link: raw.link,
    summary,
    html: raw.html,
    author: raw.author ? htmlToText(raw.author) : null,
    publishedAt: parsed && !Number.isNaN(parsed.getTime()) ? parsed : null,
    categories: [...new Set(raw.categories.map((c) => htmlToText(c)).filter(Boolean))],
    image: raw.image,
  }
}
