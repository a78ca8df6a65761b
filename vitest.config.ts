// Vitest projects: `node` (queries, services, CLI), `worker` (routes in workerd), `e2e` (a real browser).
import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/node/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                TURSO_DATABASE_URL: inject<string>('dbUrl'),
                DB_STATS_URL: inject<string>('dbUrl'),
                DB_READONLY_URL: inject<string>('dbReadonlyUrl'),
                IP_HASH_SALT: 'test-ip-salt',
                SITE_URL: 'http://bulletin.test',
                FUZZ_RUNS: process.env.FUZZ_RUNS ?? '',
              },
            },
          })),
        ],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.{ts,tsx}'],
          globalSetup: ['test/worker/global-setup.ts', 'test/fixtures/feeds/global-setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          // One stack (wrangler dev) for every flow; files take turns with Chromium on two cores.
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // A page waits on its own requests; on a busy machine that can take more than a second.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
})
