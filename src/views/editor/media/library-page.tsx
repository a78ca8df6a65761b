// The newsroom media library: upload photos and find the ones already there.
import type { MediaListItem } from '../../../db/queries/media'
import type { EditorChrome, Notice } from '../chrome'
import { NoticeMessage } from '../components/notice'
import { EditorLayout } from '../layout'
import { MediaGrid } from './media-grid'
import { MediaUploadForm } from './upload-form'

export interface MediaLibraryPageProps {
  chrome: EditorChrome
  items: MediaListItem[]
  mine: boolean
  page: number
  hasMore: boolean
  notice?: Notice
  uploadError?: string
}

export function MediaLibraryPage(props: MediaLibraryPageProps) {
  const { chrome, items, mine, page, hasMore } = props
  const query = (p: number) => `/editor/media?page=${p}${mine ? '&mine=1' : ''}`
  return (
    <EditorLayout chrome={chrome} title="Media library">
      <h1>Media library</h1>
      <NoticeMessage notice={props.notice} />
      <MediaUploadForm csrf={chrome.csrfToken ?? ''} error={props.uploadError} />
      <p>
        {mine ? (
          <a href="/editor/media">All images</a>
        ) : (
          <a href="/editor/media?mine=1">My uploads</a>
        )}
      </p>
      <MediaGrid items={items} />
      <nav class="pager" aria-label="Pages">
        {page > 1 ? <a href={query(page - 1)}>Newer</a> : null}
        {hasMore ? <a href={query(page + 1)}>Older</a> : null}
      </nav>
    </EditorLayout>
  )
}
