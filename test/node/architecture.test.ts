// The layering of ../shared/STYLE.md, checked on src/'s import graph: breaking a rule fails npm test.
// Biome (biome.json) checks what one line shows: Node in Worker code, drizzle in routes and views,
// Hono in queries. These tests check what needs the whole graph or knows `import type`.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  findSqlInRoutesAndViews,
  findUpwardImports,
  findViewImports,
  findWorkerLeaks,
} from './architecture/layering'
import { parseTree, reachableFrom, readTree } from './architecture/source-graph'

const tree = readTree(join(import.meta.dirname, '../..'), 'src')

describe('the layering of src/', () => {
  it('keeps Node, the CLI and the tests out of everything the Worker bundles', () => {
    const bundled = reachableFrom(tree, 'src/index.ts')
    // The walk must really reach the app, or finding nothing would prove nothing.
    expect([...bundled.keys()]).toEqual(
      expect.arrayContaining(['src/app.tsx', 'src/routes/articles.tsx', 'src/jobs/index.ts']),
    )
    expect(findWorkerLeaks(tree)).toEqual([])
  })

  it('lets views import only views, lib/ and types', () => {
    expect(findViewImports(tree)).toEqual([])
  })

  it('keeps SQL out of routes and views', () => {
    expect(findSqlInRoutesAndViews(tree)).toEqual([])
  })

  it('points dependencies down: lib/ and db/ import nothing above them, services no routes or views', () => {
    expect(findUpwardImports(tree)).toEqual([])
  })
})

describe('the layering checks', () => {
  it('find each kind of break in a deliberately broken tree', () => {
    const broken = parseTree(
      new Map([
        ['src/index.ts', "import { app } from './app'\nexport default app"],
        [
          'src/app.tsx',
          "import './views/page'\nimport './routes/news'\nimport '../test/support/stack'",
        ],
        [
          'src/routes/news.ts',
          "import { sql } from 'drizzle-orm'\nsql`select 1`\nc.var.db.select()",
        ],
        ['src/views/page.tsx', "import { db } from '../db/client'\nimport '../cli/seed'"],
        ['src/cli/seed.ts', "import { readFileSync } from 'node:fs'"],
        ['src/db/client.ts', "import type { AppEnv } from '../env'\nexport const db = {}"],
        ['src/lib/time.ts', "import { loadThings } from '../services/things'"],
        ['src/env.ts', "import type { Purge } from './services/purge'"],
      ]),
    )
    expect(findWorkerLeaks(broken)).toEqual([
      'src/app.tsx:3 imports ../test/support/stack',
      'src/views/page.tsx:2 imports ../cli/seed',
      'src/cli/seed.ts:1 imports node:fs',
    ])
    expect(findViewImports(broken)).toEqual([
      'src/views/page.tsx:1 imports ../db/client',
      'src/views/page.tsx:2 imports ../cli/seed',
    ])
    expect(findSqlInRoutesAndViews(broken)).toEqual([
      'src/routes/news.ts:2 writes sql`…`',
      'src/routes/news.ts:3 calls c.var.db.select()',
    ])
    expect(findUpwardImports(broken)).toEqual([
      'src/db/client.ts:1 imports ../env',
      'src/lib/time.ts:1 imports ../services/things',
      'src/env.ts:1 imports ./services/purge',
    ])
  })

  it('let views import types from anywhere', () => {
    const typed = parseTree(
      new Map([
        [
          'src/views/page.tsx',
          "import type { Row } from '../db/queries/rows'\nimport { type Config } from '../env'",
        ],
      ]),
    )
    expect(findViewImports(typed)).toEqual([])
  })
})
