// The newsroom's front page.
import { Hono } from 'hono'
import { loadDashboard } from '../../db/queries/editor-lists'
import type { EditorEnv } from '../../middleware/auth'
import { can } from '../../services/editorial-permissions'
import { DashboardPage } from '../../views/editor/pages/dashboard-page'
import { editorChrome } from './context'

export const dashboard = new Hono<EditorEnv>().get('/', async (c) => {
  const { user } = c.var
  // Authors see their own work; editors and admins see the whole newsroom.
  const scope = can(user, 'articles:edit-any') ? {} : { authorId: user.id }
  const data = await loadDashboard(c.var.db, scope, new Date())
  return c.render(<DashboardPage chrome={editorChrome(c, 'dashboard')} data={data} />)
})
