// `npm start` leaves nothing behind: wrangler's process group ends with its parent, however it dies.
import { type ChildProcess, spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { freePort } from '../../support/stack'

const STAND_IN = join(import.meta.dirname, 'stand-in-start.ts')

interface Tree {
  /** What the test spawned: the stand-in for `npm start`'s node process, or a shell above it. */
  parent: ChildProcess
  /** The stand-in's node process. */
  pid: number
  /** The stand-in wrangler's process group, holding it and its "workerd". */
  groupId: number
  reaperPid: number
  ports: number[]
  exited: Promise<number | null>
  /** What the stand-in wrote to stderr. */
  errors(): string
}

/** `state` and process group of a process from /proc, or undefined once it is gone. */
function readStat(pid: number | string): { state: string; group: number } | undefined {
  try {
    // After the command, which is in parentheses and may hold spaces: state, ppid, pgrp, …
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { state: state as string, group: Number(group) }
  } catch {
    return undefined
  }
}

/** Zombies are dead: they only wait for a parent (here maybe the container's init) to read them. */
function isAlive(pid: number): boolean {
  const stat = readStat(pid)
  return stat !== undefined && stat.state !== 'Z'
}

function liveGroupMembers(groupId: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      const stat = readStat(pid)
      return stat?.group === groupId && stat.state !== 'Z'
    })
    .map(Number)
}

function isListening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      done(true)
    })
    socket.once('error', () => done(false))
  })
}

async function eventually(probe: () => Promise<boolean> | boolean, withinMs = 5000) {
  const deadline = Date.now() + withinMs
  while (!(await probe())) {
    if (Date.now() > deadline) return false
    await new Promise((done) => setTimeout(done, 50))
  }
  return true
}

const started: Tree[] = []

/** Starts the stand-in, through a shell that stays its parent if `viaShell` (as npm would). */
async function startTree(options: { mode?: string; viaShell?: boolean } = {}): Promise<Tree> {
  const ports = [await freePort(), await freePort()]
  const args = ['--import', 'tsx', STAND_IN, ...ports.map(String), options.mode ?? 'run']
  const parent = options.viaShell
    ? // `; :` keeps the shell from exec'ing node, so the shell stays node's parent.
      spawn('sh', ['-c', `"${process.execPath}" ${args.join(' ')}; :`], { stdio: 'pipe' })
    : spawn(process.execPath, args, { stdio: 'pipe' })
  const exited = new Promise<number | null>((done) => parent.once('exit', done))
  let errors = ''
  parent.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString()
  })
  const line = await new Promise<string>((done, fail) => {
    let output = ''
    parent.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('\n')) done(output.split('\n')[0] as string)
    })
    void exited.then((code) => fail(new Error(`the stand-in exited (${code}) early:\n${errors}`)))
  })
  const ids = JSON.parse(line) as { pid: number; groupId: number; reaperPid: number }
  const tree: Tree = {
    ...ids,
    parent,
    ports,
    exited,
    errors: () => errors,
  }
  started.push(tree)
  return tree
}

async function expectRunning(tree: Tree) {
  expect(liveGroupMembers(tree.groupId)).toHaveLength(2)
  expect(isAlive(tree.reaperPid)).toBe(true)
  for (const port of tree.ports) expect(await isListening(port)).toBe(true)
}

/** Within five seconds: nothing left in the group, both ports free, and the watchdog gone too. */
async function expectAllGone(tree: Tree) {
  const portsInUse = async () => (await Promise.all(tree.ports.map(isListening))).filter(Boolean)
  await eventually(
    async () =>
      !isAlive(tree.pid) &&
      liveGroupMembers(tree.groupId).length === 0 &&
      (await portsInUse()).length === 0 &&
      !isAlive(tree.reaperPid),
  )
  expect(isAlive(tree.pid), 'the stand-in for npm start').toBe(false)
  expect(liveGroupMembers(tree.groupId), "processes left in wrangler's group").toEqual([])
  expect(await portsInUse(), 'ports still accepting connections').toEqual([])
  expect(isAlive(tree.reaperPid), 'the watchdog').toBe(false)
}

afterEach(() => {
  // A failed test must not leave its stand-ins running for the next one.
  for (const tree of started.splice(0)) {
    for (const pid of [-tree.groupId, tree.reaperPid, tree.pid, tree.parent.pid as number]) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }
  }
})

describe('a process group spawned by npm start', () => {
  it('ends, ports and all, when npm start is killed with SIGKILL', async () => {
    const tree = await startTree()
    await expectRunning(tree)
    tree.parent.kill('SIGKILL')
    await tree.exited
    await expectAllGone(tree)
  }, 30_000)

  it('ends when npm start crashes on an uncaught error', async () => {
    const tree = await startTree({ mode: 'crash' })
    expect(await tree.exited).not.toBe(0)
    expect(tree.errors()).toContain('a bug in npm start')
    await expectAllGone(tree)
  }, 30_000)

  it('ends when the npm above npm start is killed outright', async () => {
    const tree = await startTree({ viaShell: true })
    await expectRunning(tree)
    tree.parent.kill('SIGKILL')
    await expectAllGone(tree)
  }, 30_000)

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'stops cleanly on %s and exits 0',
    async (signal) => {
      const tree = await startTree()
      await expectRunning(tree)
      tree.parent.kill(signal)
      expect(await tree.exited).toBe(0)
      await expectAllGone(tree)
    },
    30_000,
  )
})
