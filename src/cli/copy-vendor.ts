// Copies htmx from node_modules into public/vendor under a versioned name (run before start, test, deploy).
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const htmxDir = resolve(root, 'node_modules/htmx.org')
const { version } = JSON.parse(readFileSync(resolve(htmxDir, 'package.json'), 'utf8')) as {
  version: string
}
const vendorDir = resolve(root, 'public/vendor')
mkdirSync(vendorDir, { recursive: true })
copyFileSync(resolve(htmxDir, 'dist/htmx.min.js'), resolve(vendorDir, `htmx-${version}.min.js`))
