// The export page (admins only): download the whole site as Bulletin JSON or WordPress WXR.
import type { EditorChrome } from '../chrome'
import { CsrfField } from '../components/csrf-field'
import { EditorLayout } from '../layout'

export function ExportPage({ chrome }: { chrome: EditorChrome }) {
  return (
    <EditorLayout chrome={chrome} title="Export">
      <h1>Export the site</h1>
      <p>
        Everything the site holds, as one file: articles with their revisions, comments, corrections
        and live updates, pages, sections, tags, authors, accounts, media details and redirects.
        Passwords, sessions and API tokens are never included.
      </p>
      <form method="post" action="/editor/export" class="export-form">
        <CsrfField token={chrome.csrfToken ?? ''} />
        <fieldset class="field-group">
          <legend>Format</legend>
          <div class="field field--checkbox">
            <input id="export-json" type="radio" name="format" value="json" checked />
            <label for="export-json">
              Bulletin JSON: the complete site, to restore into another Bulletin with{' '}
              <code>npm run import -- bulletin</code>
            </label>
          </div>
          <div class="field field--checkbox">
            <input id="export-wxr" type="radio" name="format" value="wxr" />
            <label for="export-wxr">
              WordPress (WXR 1.2): posts, pages, categories, tags, authors and comments, for
              WordPress's importer
            </label>
          </div>
        </fieldset>
        <button type="submit">Download</button>
      </form>
      <p class="hint">
        The download streams as it is read. For a large archive, run{' '}
        <code>npm run export -- --format json --out site.json</code> against the database instead: a
        download in the newsroom runs inside one Worker request, with its time and subrequest
        limits.
      </p>
    </EditorLayout>
  )
}
