// The import graph and syntax of src/, read with the TypeScript parser, for the layering checks.
import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, posix, relative } from 'node:path'
import ts from 'typescript'

export interface ImportRef {
  /** The importing file and line, e.g. `src/views/layout.tsx:3`. */
  at: string
  specifier: string
  /** Erased when compiled: `import type`, or every name marked `type`. */
  typeOnly: boolean
  /** The file a relative specifier resolves to, relative to the root; undefined for packages. */
  target: string | undefined
}

export interface SourceTree {
  /** Root-relative path, with forward slashes, to parsed file. */
  files: Map<string, ts.SourceFile>
  imports: Map<string, ImportRef[]>
}

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']

/** Parses the given files (root-relative path to text) and resolves their relative imports. */
export function parseTree(sources: Map<string, string>): SourceTree {
  const files = new Map<string, ts.SourceFile>()
  for (const [path, text] of sources) {
    files.set(path, ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true))
  }
  const resolve = (from: string, specifier: string) => {
    if (!specifier.startsWith('.')) return undefined
    const base = posix.join(posix.dirname(from), specifier)
    const found = EXTENSIONS.map((ext) => base + ext).find((path) => files.has(path))
    return found ?? base
  }
  const imports = new Map<string, ImportRef[]>()
  for (const [path, file] of files) {
    imports.set(
      path,
      listImports(file).map(({ specifier, typeOnly, line }) => ({
        at: `${path}:${line}`,
        specifier,
        typeOnly,
        target: resolve(path, specifier),
      })),
    )
  }
  return { files, imports }
}

/** Reads every .ts and .tsx file under `dir` (relative to `root`). */
export function readTree(root: string, dir: string): SourceTree {
  const sources = new Map<string, string>()
  const walk = (absolute: string) => {
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const path = join(absolute, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.tsx?$/.test(entry.name)) {
        sources.set(relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8'))
      }
    }
  }
  walk(join(root, dir))
  return parseTree(sources)
}

function listImports(file: ts.SourceFile) {
  const found: { specifier: string; typeOnly: boolean; line: number }[] = []
  const add = (node: ts.Node, specifier: ts.Expression | undefined, typeOnly: boolean) => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return
    const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1
    found.push({ specifier: specifier.text, typeOnly, line })
  }
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause
      const named = clause?.namedBindings
      const allNamedTypes =
        !!clause &&
        !clause.name &&
        !!named &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((element) => element.isTypeOnly)
      add(node, node.moduleSpecifier, !!clause?.isTypeOnly || allNamedTypes)
    } else if (ts.isExportDeclaration(node)) {
      const clause = node.exportClause
      const allNamedTypes =
        !!clause &&
        ts.isNamedExports(clause) &&
        clause.elements.length > 0 &&
        clause.elements.every((element) => element.isTypeOnly)
      add(node, node.moduleSpecifier, node.isTypeOnly || allNamedTypes)
    } else if (ts.isCallExpression(node)) {
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require'
      if (isImport || isRequire) add(node, node.arguments[0], false)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal as ts.Expression, true)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

/** `node:fs`, `fs`, `fs/promises`: a module only Node has. */
export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '')
}

/** Files reached from `entry` through value imports: what a bundler would pull in. */
export function reachableFrom(tree: SourceTree, entry: string): Map<string, ImportRef[]> {
  const reached = new Map<string, ImportRef[]>()
  const queue = [entry]
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (reached.has(path)) continue
    const imports = (tree.imports.get(path) ?? []).filter((ref) => !ref.typeOnly)
    reached.set(path, imports)
    for (const ref of imports) if (ref.target && tree.files.has(ref.target)) queue.push(ref.target)
  }
  return reached
}

/** Every node in the file, depth first. */
export function listNodes(root: ts.Node): ts.Node[] {
  const nodes: ts.Node[] = []
  const visit = (node: ts.Node) => {
    nodes.push(node)
    ts.forEachChild(node, visit)
  }
  visit(root)
  return nodes
}
