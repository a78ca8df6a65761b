// The Worker bundle as `wrangler deploy --dry-run` builds it, and its gzipped size.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface BundleSize {
  bytes: number
  gzipBytes: number
}

/**
 * Builds the Worker as `wrangler deploy` would upload it, into `outdir`; returns its entry file.
 * `minify: false` keeps names and module comments, for a profile that can be read.
 */
export function buildBundle(
  root: string,
  outdir: string,
  options: { minify?: boolean } = {},
): string {
  const extra = options.minify === false ? ['--minify=false'] : []
  try {
    execFileSync('wrangler', ['deploy', '--dry-run', '--outdir', outdir, ...extra], {
      cwd: root,
      stdio: 'pipe',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    })
  } catch (error) {
    const output = (error as { stderr?: Buffer; stdout?: Buffer }) ?? {}
    throw new Error(
      `wrangler deploy --dry-run failed:\n${output.stdout ?? ''}${output.stderr ?? ''}`,
    )
  }
  return join(outdir, 'index.js')
}

export function measureBundle(root: string): BundleSize {
  const outdir = mkdtempSync(join(tmpdir(), 'bulletin-bundle-'))
  try {
    buildBundle(root, outdir)
    const code = readdirSync(outdir)
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(outdir, name)))
    const all = Buffer.concat(code)
    return { bytes: all.length, gzipBytes: gzipSync(all, { level: 9 }).length }
  } finally {
    rmSync(outdir, { recursive: true, force: true })
  }
}
