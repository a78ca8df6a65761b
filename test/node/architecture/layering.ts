// The layering rules of STYLE.md as functions from a source tree to the lines that break them.
import ts from 'typescript'
import { isNodeBuiltin, listNodes, reachableFrom, type SourceTree } from './source-graph'

/** Packages a view may use: JSX, escaping, and htmx's version for the asset URL. */
const VIEW_PACKAGES = ['hono/jsx', 'hono/html', 'htmx.org/package.json']
/** Query-builder calls that would put SQL in a route or a view (`db.select()`, `c.var.db.batch()`). */
const DB_METHODS = new Set(
  ['select', 'selectDistinct', 'insert', 'update', 'delete'].concat(['run', 'all', 'get', 'batch']),
)

const under = (path: string | undefined, ...folders: string[]) =>
  path !== undefined && folders.some((folder) => path === folder || path.startsWith(folder))

/** Everything the Worker entry reaches stays in src/, outside src/cli/, and needs nothing of Node. */
export function findWorkerLeaks(tree: SourceTree, entry = 'src/index.ts'): string[] {
  const problems: string[] = []
  for (const imports of reachableFrom(tree, entry).values()) {
    for (const ref of imports) {
      if (isNodeBuiltin(ref.specifier)) problems.push(`${ref.at} imports ${ref.specifier}`)
      else if (ref.target && (!under(ref.target, 'src/') || under(ref.target, 'src/cli/'))) {
        problems.push(`${ref.at} imports ${ref.specifier}`)
      }
    }
  }
  return problems
}

/** Views import views, lib/ and the packages above; from anywhere else, only types. */
export function findViewImports(tree: SourceTree): string[] {
  const problems: string[] = []
  for (const [path, imports] of tree.imports) {
    if (!under(path, 'src/views/')) continue
    for (const ref of imports) {
      if (ref.typeOnly) continue
      const allowed = ref.target
        ? under(ref.target, 'src/views/', 'src/lib/')
        : VIEW_PACKAGES.includes(ref.specifier)
      if (!allowed) problems.push(`${ref.at} imports ${ref.specifier}`)
    }
  }
  return problems
}

/** No sql`…` and no query builder on a db in routes and views: their queries live in db/queries. */
export function findSqlInRoutesAndViews(tree: SourceTree): string[] {
  const problems: string[] = []
  for (const [path, file] of tree.files) {
    if (!under(path, 'src/routes/', 'src/views/')) continue
    for (const node of listNodes(file)) {
      const line = () => file.getLineAndCharacterOfPosition(node.getStart()).line + 1
      if (ts.isTaggedTemplateExpression(node) && /(^|\.)sql$/.test(node.tag.getText())) {
        problems.push(`${path}:${line()} writes sql\`…\``)
      }
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        DB_METHODS.has(node.expression.name.text) &&
        /(^|\.)db$/.test(node.expression.expression.getText())
      ) {
        problems.push(`${path}:${line()} calls ${node.expression.getText()}()`)
      }
    }
  }
  return problems
}

/** Which way dependencies point: each folder, and the folders it must never import (types too). */
export const LAYERS: { from: string[]; never: string[] }[] = [
  // lib/ holds leaf utilities: it imports nothing of the app.
  { from: ['src/lib/'], never: ['src/', 'test/'] },
  // Queries take db and plain values; they know nothing above them.
  { from: ['src/db/'], never: ['src/', 'test/'] },
  {
    from: ['src/services/'],
    never: ['src/routes/', 'src/views/', 'src/middleware/', 'src/jobs/', 'src/app', 'src/index'],
  },
  // The config is parsed before anything else exists.
  {
    from: ['src/env.ts', 'src/env-parsers.ts'],
    never: ['src/services/', 'src/routes/', 'src/jobs/'],
  },
]
/** Within `never`, what each folder may still import. */
const ALLOWED: Record<string, string[]> = {
  'src/lib/': ['src/lib/'],
  'src/db/': ['src/db/', 'src/lib/'],
}

export function findUpwardImports(tree: SourceTree): string[] {
  const problems: string[] = []
  for (const [path, imports] of tree.imports) {
    for (const layer of LAYERS) {
      const folder = layer.from.find((prefix) => under(path, prefix))
      if (!folder) continue
      for (const ref of imports) {
        if (!under(ref.target, ...layer.never)) continue
        if (under(ref.target, ...(ALLOWED[folder] ?? []))) continue
        problems.push(`${ref.at} imports ${ref.specifier}`)
      }
    }
  }
  return problems
}
