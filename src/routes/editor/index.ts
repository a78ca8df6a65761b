// The newsroom under /editor: one auth middleware in front of every route, so none is public by accident.
import { Hono } from 'hono'
import { trimTrailingSlash } from 'hono/trailing-slash'
import { type EditorEnv, withEditorAuth } from '../../middleware/auth'
import { account } from './account'
import { agencyFeeds } from './agency-feeds'
import { ARTICLE_PATHS, guardArticle } from './article-access'
import { articles } from './articles'
import { audit } from './audit'
import { authorsAdmin } from './authors'
import { comments } from './comments'
import { corrections } from './corrections'
import { dashboard } from './dashboard'
import { exportSite } from './export'
import { live } from './live'
import { login } from './login'
import { media } from './media'
import { pagesAdmin } from './pages'
import { revisions } from './revisions'
import { tokens } from './tokens'
import { translations } from './translations'
import { users } from './users'

export const editor = new Hono<EditorEnv>()
  // Deny by default: every path below, including ones added later, needs a session; only
  // PUBLIC_EDITOR_PATHS (the login form) is exempt.
  .use('*', withEditorAuth())
  // `/editor/` (a bookmark, a typed address, a sign-in's `next`) and any newsroom page asked for
  // with a trailing slash: what no route answers is sent to the address without it.
  .use('*', trimTrailingSlash())
  // Before any article handler, including ones added later: see article-access.ts.
  .use(ARTICLE_PATHS, guardArticle())
  .route('/', login)
  .route('/', dashboard)
  .route('/', account)
  .route('/', articles)
  .route('/', revisions)
  .route('/', translations)
  .route('/', corrections)
  .route('/', authorsAdmin)
  .route('/', pagesAdmin)
  .route('/', comments)
  .route('/', live)
  .route('/', users)
  .route('/', tokens)
  .route('/', audit)
  .route('/', exportSite)
  .route('/', media)
  .route('/', agencyFeeds)
