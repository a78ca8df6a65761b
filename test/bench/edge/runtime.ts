// One workerd process per measured Worker, through Miniflare's API: no wrangler, no dev proxy.
import { dirname } from 'node:path'
import { convertV4MiniflareOptions, Miniflare, type V4WorkerOptions } from 'miniflare'
import { unstable_getMiniflareWorkerOptions } from 'wrangler'
import { listChildren } from './process-cpu'

export interface EdgeRuntime {
  name: string
  /** The measured Worker's own socket, e.g. http://127.0.0.1:39123 */
  origin: string
  /** The workerd process, whose /proc/PID/stat the CPU figures read. */
  pid: number
  /** Chrome DevTools endpoint of the runtime, when started with `inspect`. */
  inspectorUrl?: string
  dispose(): Promise<void>
}

/** The Worker that serves public/ and answers the measured Worker's ASSETS binding. */
const STATIC_WORKER = 'static'

/**
 * Starts one Worker in its own workerd, beside a static-assets Worker, so the CPU that process burns
 * is that Worker's (plus the cache service every measured Worker shares). Requests reach the Worker
 * on a socket of its own: Miniflare's entry worker and asset router would sit on the way otherwise,
 * and locally they cost several times what a small Worker does (on Cloudflare, assets are routed in
 * front of the Worker, unbilled). Starts are sequential: the new child process is the new workerd.
 */
export async function startRuntime(
  name: string,
  worker: V4WorkerOptions,
  root: string,
  options: { inspect?: boolean } = {},
): Promise<EdgeRuntime> {
  const before = new Set(listChildren(process.pid, 'workerd'))
  const { assets, compatibilityDate } = readWranglerConfig(root)
  // Miniflare 5 takes its own option shape; wrangler still hands out the v4 one, so it is converted.
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      host: '127.0.0.1',
      port: 0,
      // Otherwise every request is also reported to Node over the loopback: a subrequest per hit.
      logRequests: false,
      ...(options.inspect ? { inspectorPort: 0 } : {}),
      workers: [
        { ...worker, name, unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }] },
        {
          name: STATIC_WORKER,
          compatibilityDate,
          modules: true,
          script: 'export default { fetch: () => new Response(null, { status: 404 }) }',
          assets,
        },
      ],
    } as never),
  )
  await mf.ready
  const origin = (await mf.unsafeGetDirectURL(name)).origin
  const pid = listChildren(process.pid, 'workerd').find((child) => !before.has(child))
  if (pid === undefined) {
    await mf.dispose()
    throw new Error(`no new workerd process for ${name}`)
  }
  const inspectorUrl = options.inspect ? (await mf.getInspectorURL()).href : undefined
  return { name, origin, pid, inspectorUrl, dispose: () => mf.dispose() }
}

function readWranglerConfig(root: string) {
  return unstable_getMiniflareWorkerOptions(`${root}/wrangler.toml`).workerOptions
}

/**
 * The built bundle with what wrangler.toml gives it (vars, bindings, compatibility), the way
 * `wrangler dev` would configure it, but running the dry-run output instead of the sources.
 */
export function bundleWorker(
  root: string,
  scriptPath: string,
  vars: Record<string, string>,
  cacheApi: boolean,
): V4WorkerOptions {
  // The bundle is one module already (no rules to apply), the benchmark drives no crons, and the
  // assets are served beside it (startRuntime).
  const { modulesRules, connectHandlers, cronTriggers, assets, ...workerOptions } =
    readWranglerConfig(root)
  return {
    ...workerOptions,
    modules: true,
    scriptPath,
    // Module names are paths below this root; the bundle lives in a temporary folder.
    modulesRoot: dirname(scriptPath),
    bindings: { ...(workerOptions.bindings as Record<string, unknown>), ...vars },
    serviceBindings: {
      ...(workerOptions.serviceBindings as Record<string, unknown>),
      ASSETS: STATIC_WORKER,
    },
    cacheAPI: cacheApi,
  } as V4WorkerOptions
}

/** A floor Worker from its source text, configured like the bundle. */
export function floorWorker(
  root: string,
  script: string,
  bindings: Record<string, unknown>,
): V4WorkerOptions {
  return {
    compatibilityDate: readWranglerConfig(root).compatibilityDate,
    modules: true,
    script,
    bindings,
  } as V4WorkerOptions
}
