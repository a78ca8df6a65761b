// Child process groups that end with their parent, however the parent dies: SIGKILL and crashes too.
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process'

/**
 * The watchdog, run by `node -e`: it holds the read end of a pipe whose only writer is the parent.
 * The kernel closes that pipe when the parent exits for any reason, so its end is the signal to
 * stop the group: SIGTERM, then SIGKILL for whatever is still there after five seconds.
 */
const REAPER = `
const group = -Number(process.argv[1])
const signal = (name) => { try { process.kill(group, name); return true } catch { return false } }
const reap = () => {
  if (!signal('SIGTERM')) process.exit(0)
  const deadline = Date.now() + 5000
  setInterval(() => {
    if (!signal(0)) process.exit(0)
    if (Date.now() > deadline) { signal('SIGKILL'); process.exit(0) }
  }, 50)
}
process.stdin.on('end', reap).on('error', reap).resume()
`

export interface ProcessGroup {
  /** The group's leader: its pid is the group's id. */
  child: ChildProcess
  /** The watchdog that stops the group if this process dies first; none if spawning failed. */
  reaper?: ChildProcess
  /** Stops the whole group, SIGKILL after `graceMs`, then dismisses the watchdog; safe to call twice. */
  stop(graceMs?: number): Promise<void>
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null
}

function spawnReaper(groupId: number): ChildProcess {
  const reaper = spawn(process.execPath, ['-e', REAPER, String(groupId)], {
    // Its own group and session: a Ctrl-C or a kill aimed at our group must not take it along.
    detached: true,
    stdio: ['pipe', 'ignore', 'inherit'],
  })
  // Neither the watchdog nor its pipe may keep this process alive.
  reaper.unref()
  ;(reaper.stdin as unknown as { unref?: () => void } | null)?.unref?.()
  reaper.stdin?.on('error', () => {})
  return reaper
}

/**
 * Spawns `command` as the leader of a process group of its own (so one signal reaches everything
 * under it, e.g. wrangler's workerd) and arms a watchdog that stops that group when this process
 * ends without calling `stop()`.
 */
export function spawnProcessGroup(
  command: string,
  args: string[],
  options: SpawnOptions = {},
): ProcessGroup {
  const child = spawn(command, args, { ...options, detached: true })
  if (child.pid === undefined) {
    // spawn failed (e.g. ENOENT); its 'error' event tells the caller, and there is no group to reap.
    return { child, stop: async () => {} }
  }
  const groupId = child.pid
  const reaper = spawnReaper(groupId)
  let stopping: Promise<void> | undefined
  const stopGroup = async (graceMs: number) => {
    if (!hasExited(child)) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()))
      const signal = (name: NodeJS.Signals) => {
        try {
          process.kill(-groupId, name)
        } catch {
          // Already gone.
        }
      }
      signal('SIGTERM')
      const timer = setTimeout(() => signal('SIGKILL'), graceMs)
      await exited
      clearTimeout(timer)
    }
    // The group is gone: the watchdog must not signal its id, which the system may hand out again.
    reaper.kill('SIGKILL')
  }
  return {
    child,
    reaper,
    stop(graceMs = 5000) {
      stopping ??= stopGroup(graceMs)
      return stopping
    },
  }
}

/**
 * Calls `stop(0)` on Ctrl-C or SIGTERM, and `stop(1)` once the parent process is gone (it was
 * reparented), e.g. when the `npm` above `npm start` is killed outright. Node has no parent-death
 * signal, so the parent's id is polled. `stop` may be called more than once.
 */
export function stopWhenAsked(stop: (exitCode: number) => void, everyMs = 500): void {
  process.on('SIGINT', () => stop(0))
  process.on('SIGTERM', () => stop(0))
  const parent = process.ppid
  const timer = setInterval(() => {
    if (process.ppid === parent) return
    clearInterval(timer)
    stop(1)
  }, everyMs)
  timer.unref()
}
