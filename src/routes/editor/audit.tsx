// The audit log page (admins only).
import { Hono } from 'hono'
import { AUDIT_PAGE_SIZE, listAuditLog } from '../../db/queries/audit'
import { allow, type EditorEnv } from '../../middleware/auth'
import { requirePermission } from '../../services/editorial-permissions'
import { countPages } from '../../views/components/pagination'
import { AuditPage } from '../../views/editor/pages/audit-page'
import { parsePage } from '../sections'
import { editorChrome } from './context'

export const audit = new Hono<EditorEnv>().get('/audit', allow('admin'), async (c) => {
  requirePermission(c.var.user, 'audit:read')
  const page = parsePage(c.req.query('page'))
  const action = c.req.query('action')?.slice(0, 60) || undefined
  const data = await listAuditLog(c.var.db, { action }, page)
  return c.render(
    <AuditPage
      chrome={editorChrome(c, 'audit')}
      rows={data.rows}
      actions={data.actions}
      action={action}
      page={page}
      lastPage={countPages(data.total, AUDIT_PAGE_SIZE)}
    />,
  )
})
