// The newsroom's export page and download (admins only): the whole site as JSON or WXR, streamed.
import { Hono } from 'hono'
import { AppError } from '../../lib/errors'
import { allow, type EditorEnv } from '../../middleware/auth'
import { auditEntry, recordAudit } from '../../services/audit'
import { requirePermission } from '../../services/editorial-permissions'
import {
  EXPORT_CONTENT_TYPES,
  EXPORT_FORMATS,
  type ExportFormat,
  streamSiteExport,
  toByteStream,
} from '../../services/export-stream'
import { ExportPage } from '../../views/editor/export/export-page'
import { editorChrome, formText, readForm } from './context'

export const exportSite = new Hono<EditorEnv>()
  .get('/export', allow('admin'), (c) => {
    requirePermission(c.var.user, 'site:export')
    return c.render(<ExportPage chrome={editorChrome(c, 'export')} />)
  })
  // A POST with the session's CSRF token: a page elsewhere cannot start a download of the archive.
  .post('/export', allow('admin'), async (c) => {
    requirePermission(c.var.user, 'site:export')
    const format = formText(await readForm(c), 'format')
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new AppError('INVALID', 'Choose JSON or WXR.')
    }
    const now = new Date()
    await recordAudit(
      c.var.db,
      auditEntry(c.var.user, 'site.export', { type: 'site', id: null }, { format }),
    )
    const { site } = c.var.config
    const chunks = streamSiteExport(c.var.db, format as ExportFormat, { site, now })
    const name = `${site.name.replace(/[^\w-]+/g, '-').toLowerCase() || 'site'}-${now.toISOString().slice(0, 10)}`
    // Through c.body, so the newsroom's own headers (Cache-Control: no-store) come along.
    return c.body(toByteStream(chunks), 200, {
      'Content-Type': EXPORT_CONTENT_TYPES[format as ExportFormat],
      'Content-Disposition': `attachment; filename="${name}.${format === 'wxr' ? 'xml' : 'json'}"`,
    })
  })
