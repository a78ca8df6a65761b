// The JSON API under /api: one bearer-token middleware in front of every route.
import { Hono } from 'hono'
import { type ApiEnv, withApiAuth } from '../../middleware/auth'
import { apiArticles } from './articles'
import { apiComments } from './comments'

export const api = new Hono<ApiEnv>()
  // Deny by default: no /api path is reachable without a live token.
  .use('*', withApiAuth())
  .route('/', apiArticles)
  .route('/', apiComments)
