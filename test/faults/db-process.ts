// The db-server as a child process the fault scripts can slow down, fail, kill outright and restart.
import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const DB_SERVER = join(import.meta.dirname, '../../src/cli/db-server.ts')

export interface DbProcess {
  url: string
  /** Starts the server (again) on the same port and file; resolves once it answers /health. */
  start(): Promise<void>
  /** SIGKILL: no shutdown, no rollback by us; SQLite's own recovery is all that runs. */
  kill(): Promise<void>
  /** `POST /control`: a delay before every pipeline, or every pipeline failing with a 503. */
  control(settings: { delayMs?: number; failing?: boolean }): Promise<void>
  /** Pipelines served since this process started: the database round trips. */
  pipelines(): Promise<number>
}

export function createDbProcess(dbPath: string, port: number): DbProcess {
  const url = `http://127.0.0.1:${port}`
  let child: ChildProcess | undefined
  let output = ''

  const call = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${url}${path}`, { ...init, signal: AbortSignal.timeout(5000) })
    if (!response.ok) throw new Error(`db-server ${path} answered ${response.status}`)
    return response.json()
  }

  return {
    url,
    async start() {
      output = ''
      const args = ['--import', 'tsx', DB_SERVER, '--db', dbPath, '--port', String(port)]
      child = spawn(process.execPath, [...args, '--control'], { stdio: ['ignore', 'pipe', 'pipe'] })
      for (const stream of [child.stdout, child.stderr]) {
        stream?.on('data', (chunk: Buffer) => {
          output = (output + chunk.toString()).slice(-4000)
        })
      }
      const deadline = Date.now() + 30_000
      while (Date.now() < deadline) {
        if (child.exitCode !== null) break
        try {
          await call('/stats')
          return
        } catch {
          await sleep(100)
        }
      }
      throw new Error(`the db-server did not answer on ${url} within 30 s:\n${output}`)
    },
    async kill() {
      const running = child
      if (!running || running.exitCode !== null || running.signalCode !== null) return
      const exited = new Promise((done) => running.once('exit', done))
      running.kill('SIGKILL')
      await exited
    },
    async control(settings) {
      await call('/control', { method: 'POST', body: JSON.stringify(settings) })
    },
    async pipelines() {
      return ((await call('/stats')) as { pipelines: number }).pipelines
    },
  }
}
