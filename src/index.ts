// Worker entry: HTTP requests go to the Hono app, cron triggers to the job runner.
import { createApp } from './app'
import type { Env } from './env'
import { runScheduled } from './jobs'

const app = createApp()

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    await runScheduled(controller, env, ctx)
  },
} satisfies ExportedHandler<Env>
