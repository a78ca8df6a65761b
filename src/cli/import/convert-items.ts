// WXR items to ImportItems with their bodies rendered: what a conversion worker (or, with none, the main thread) does.
import { MarkdownLimitError, renderMarkdown } from '../../services/markdown'
import { createConverter } from './convert-html'
import type { ImportItem } from './model'
import type { Outcome } from './report'
import { buildWordpressItem, type ReportSink, type WordpressBuild } from './wordpress-items'
import type { WxrItem } from './wxr-items'

export interface ConvertTask {
  item: WxrItem
  label: string
}

/** A report call made while building, replayed on the main thread's report in file order. */
export type ReportEvent = ['record', Outcome, string, string] | ['warn', string, string]

export interface ConvertedItem {
  item: ImportItem
  /** The section's name as the item's categories give it, for a section the header never declared. */
  sectionName: string
  events: ReportEvent[]
}

export interface ConvertState {
  build: WordpressBuild
  converter: ReturnType<typeof createConverter>
}

export function createConvertState(build: WordpressBuild): ConvertState {
  return { build, converter: createConverter() }
}

/** Builds each item and renders its body, so the main thread only reads the file and writes. */
export function convertItems(state: ConvertState, tasks: ConvertTask[]): ConvertedItem[] {
  return tasks.map(({ item: source, label }) => {
    const events: ReportEvent[] = []
    const report: ReportSink = {
      record: (outcome, reason, name) => events.push(['record', outcome, reason, name]),
      warn: (reason, name) => events.push(['warn', reason, name]),
    }
    const item = buildWordpressItem({ ...state, report }, source, label)
    item.rendered = { bodyMd: item.bodyMd, ...renderBody(item) }
    const sectionName =
      source.categories.find((c) => c.slug === item.sectionSlug)?.name || 'Uncategorized'
    return { item, sectionName, events }
  })
}

/** Replays a converted item's report calls on the run's report. */
export function replayEvents(report: ReportSink, events: ReportEvent[]): void {
  for (const event of events) {
    if (event[0] === 'record') report.record(event[1], event[2], event[3])
    else report.warn(event[1], event[2])
  }
}

/**
 * The one sanitiser every body goes through; an import gets no way around it. A conversion worker
 * has usually run it already; the body is rendered again only if `--media-dir` changed it since.
 */
export function renderBody(item: ImportItem): { html: string } | { refused: string } {
  const early = item.rendered
  if (early && early.bodyMd === item.bodyMd && item.mediaSizes.size === 0) return early
  try {
    return { html: renderMarkdown(item.bodyMd, { media: item.mediaSizes }) }
  } catch (error) {
    if (error instanceof MarkdownLimitError) return { refused: error.message }
    throw error
  }
}
