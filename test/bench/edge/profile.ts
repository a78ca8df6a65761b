// `npm run bench:profile -- --edge`: a CPU profile of uncached renders in workerd, the bundle's runtime.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startDbServer } from '../../../src/cli/db-server'
import { buildBundle } from '../bundle'
import { type CpuProfile, type Frame, summariseProfile } from '../profile-summary'
import { findIsolate } from './heap'
import { prepareDatabase } from './measure-edge'
import { readCpuMs } from './process-cpu'
import { bundleWorker, startRuntime } from './runtime'

/**
 * Which module a bundle line belongs to: esbuild heads each module of an unminified bundle with a
 * `// src/...` or `// node_modules/...` comment, so a package or our file is named, not index.js.
 */
function mapModules(bundle: string): (frame: Frame) => string {
  const owners: string[] = []
  let owner = '(bundle prelude)'
  for (const [i, line] of bundle.split('\n').entries()) {
    const module = /^\/\/ ((?:node_modules|src)\/\S+)/.exec(line)?.[1]
    if (module) owner = module.replace(/^node_modules\/((?:@[^/]+\/)?[^/]+).*$/, '$1')
    owners[i] = owner
  }
  return (frame) =>
    frame.lineNumber >= 0 && frame.url
      ? (owners[frame.lineNumber] ?? '?')
      : '(native: the runtime, GC, idle)'
}

/** A DevTools session on one isolate: send a method, await its result. */
async function openDevTools(socketUrl: string) {
  const socket = new WebSocket(socketUrl)
  await new Promise((opened, failed) => {
    socket.addEventListener('open', opened)
    socket.addEventListener('error', () => failed(new Error('the inspector refused the socket')))
  })
  const waiting = new Map<number, (result: unknown) => void>()
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown }
    if (message.id !== undefined) waiting.get(message.id)?.(message.result)
  })
  let id = 0
  return {
    send: <T>(method: string, params = {}) =>
      new Promise<T>((answered) => {
        id++
        waiting.set(id, answered as (result: unknown) => void)
        socket.send(JSON.stringify({ id, method, params }))
      }),
    close: () => socket.close(),
  }
}

/**
 * Profiles `renders` requests of `path`: uncached renders, or with `hits` cache hits (the Cache API
 * on, the page stored by the warm-up), as the benchmark's "hit" rows serve them.
 */
export async function profileEdgeRenders(
  root: string,
  path: string,
  renders: number,
  hits = false,
) {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-edge-profile-'))
  const cleanUps: (() => Promise<void>)[] = []
  try {
    const script = buildBundle(root, join(dir, 'bundle'), { minify: false })
    await prepareDatabase(join(dir, 'edge.db'))
    const db = await startDbServer({ dbPath: join(dir, 'edge.db'), port: 0, quiet: true })
    cleanUps.push(() => db.close())
    const vars = {
      TURSO_DATABASE_URL: db.url,
      IP_HASH_SALT: 'bench-salt',
      SITE_URL: 'http://localhost',
    }
    // No Cache API for renders: every request renders, as the benchmark's "render (miss)" rows do.
    const worker = bundleWorker(root, script, vars, hits)
    const what = hits ? 'cache hits' : 'uncached renders'
    const runtime = await startRuntime('profiled', worker, root, { inspect: true })
    cleanUps.push(() => runtime.dispose())
    const render = async () => {
      const response = await fetch(`${runtime.origin}${path}`)
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
      if (hits && response.headers.get('x-cache') === 'MISS' && warm) {
        throw new Error(`${path} was not served from the cache`)
      }
    }
    let warm = false
    for (let i = 0; i < 50; i++) await render() // warm up the JIT (and fill the cache)
    warm = true
    const devTools = await openDevTools(await findIsolate(runtime.inspectorUrl ?? '', 'profiled'))
    cleanUps.push(async () => devTools.close())
    await devTools.send('Profiler.enable')
    await devTools.send('Profiler.setSamplingInterval', { interval: 100 })
    await devTools.send('Profiler.start')
    const cpuBefore = readCpuMs(runtime.pid)
    const started = performance.now()
    for (let i = 0; i < renders; i++) await render()
    const elapsed = performance.now() - started
    const cpuMs = readCpuMs(runtime.pid) - cpuBefore
    const { profile } = await devTools.send<{ profile: CpuProfile }>('Profiler.stop')
    console.log(
      `${renders} ${what} of ${path} in workerd: ${(elapsed / renders).toFixed(2)} ms ` +
        `each, ${(cpuMs / renders).toFixed(2)} ms of workerd's CPU each\n`,
    )
    console.log(summariseProfile(profile, mapModules(readFileSync(script, 'utf8'))))
    // Kept for DevTools (Performance > Load profile) with the bundle its line numbers point into.
    const kept = resolve(root, 'test-results/profile')
    mkdirSync(kept, { recursive: true })
    writeFileSync(join(kept, 'edge.cpuprofile'), JSON.stringify(profile))
    copyFileSync(script, join(kept, 'edge-bundle.js'))
    console.log(`\nProfile: ${join(kept, 'edge.cpuprofile')} (bundle: edge-bundle.js beside it)`)
  } finally {
    for (const cleanUp of cleanUps.reverse()) await cleanUp().catch(() => {})
    rmSync(dir, { recursive: true, force: true })
  }
}
