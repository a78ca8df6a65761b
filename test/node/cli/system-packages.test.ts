// pretest and prebench on a bare machine: install what is missing as root, else stop with the command.
import { describe, expect, it } from 'vitest'
import { ensureSystemPackages, type System } from '../../support/system-packages'

interface FakeMachine {
  files?: string[]
  commands?: string[]
  root?: boolean
  /** Files and commands that appear once apt-get install ran. */
  installs?: { files?: string[]; commands?: string[] }
  /** Exit code per apt-get subcommand. */
  fails?: Record<string, number>
}

/** A machine made of lists, recording what would have been run instead of running it. */
function fakeSystem(machine: FakeMachine) {
  const files = new Set(machine.files ?? [])
  const commands = new Set(machine.commands ?? [])
  const ran: { command: string; env: Record<string, string> }[] = []
  const system: System = {
    hasFile: (path) => files.has(path),
    hasCommand: (name) => commands.has(name),
    isRoot: () => machine.root ?? false,
    run(command, env) {
      ran.push({ command: command.join(' '), env })
      const code = machine.fails?.[command[1] as string] ?? 0
      if (code === 0 && command[1] === 'install') {
        for (const file of machine.installs?.files ?? []) files.add(file)
        for (const name of machine.installs?.commands ?? []) commands.add(name)
      }
      return code
    },
  }
  return { system, ran }
}

function ensure(needed: string[], machine: FakeMachine) {
  const { system, ran } = fakeSystem(machine)
  const lines: string[] = []
  const code = ensureSystemPackages(needed, system, (line) => lines.push(line))
  return { code, ran: ran.map((run) => run.command), env: ran[0]?.env, said: lines.join('\n') }
}

const DEBIAN_USER = { commands: ['apt-get', 'sudo'] }
const DEBIAN_ROOT = { commands: ['apt-get'], root: true }

describe('ensuring the system packages the checks need', () => {
  it('does nothing and says nothing when everything is there', () => {
    const result = ensure(['chromium', 'default-jre-headless'], {
      files: ['/usr/bin/chromium'],
      commands: ['java'],
    })
    expect(result).toMatchObject({ code: 0, ran: [], said: '' })
  })

  it('installs only the missing packages with apt-get, non-interactively, when root', () => {
    const result = ensure(['chromium', 'default-jre-headless', 'nginx'], {
      ...DEBIAN_ROOT,
      commands: ['apt-get', 'java'],
      installs: { files: ['/usr/bin/chromium', '/usr/sbin/nginx'] },
    })
    expect(result.code).toBe(0)
    expect(result.ran).toEqual(['apt-get update -qq', 'apt-get install -y -qq chromium nginx'])
    expect(result.env).toEqual({ DEBIAN_FRONTEND: 'noninteractive' })
    expect(result.said).toContain('Installing chromium, nginx with apt-get')
  })

  it('stops at once with the exact sudo command when not root, running nothing', () => {
    const result = ensure(['chromium', 'default-jre-headless'], DEBIAN_USER)
    expect(result.code).toBe(1)
    expect(result.ran).toEqual([])
    expect(result.said).toContain(
      'sudo apt-get update && sudo apt-get install -y chromium default-jre-headless',
    )
    expect(result.said).toContain('/usr/bin/chromium')
  })

  it('asks for root rather than sudo when the machine has no sudo', () => {
    const result = ensure(['nginx'], { commands: ['apt-get'] })
    expect(result.code).toBe(1)
    expect(result.ran).toEqual([])
    expect(result.said).toContain('as root')
    expect(result.said).toContain('apt-get update && apt-get install -y nginx')
    expect(result.said).not.toContain('sudo')
  })

  it('stops with the Debian command when there is no apt-get, even as root', () => {
    const result = ensure(['chromium'], { root: true })
    expect(result.code).toBe(1)
    expect(result.ran).toEqual([])
    expect(result.said).toContain('no apt-get')
    expect(result.said).toContain('apt-get install -y chromium')
  })

  it('stops after a failing apt-get update without trying to install', () => {
    const result = ensure(['chromium'], { ...DEBIAN_ROOT, fails: { update: 100 } })
    expect(result.code).toBe(1)
    expect(result.ran).toEqual(['apt-get update -qq'])
    expect(result.said).toContain('`apt-get update -qq` failed (exit code 100)')
  })

  it('fails when apt-get succeeded but the package is still missing', () => {
    const result = ensure(['chromium'], DEBIAN_ROOT)
    expect(result.code).toBe(1)
    expect(result.ran).toHaveLength(2)
    expect(result.said).toContain('still missing: chromium')
  })

  it('refuses a package it does not know how to look for', () => {
    expect(() => ensure(['chromium-browser'], DEBIAN_ROOT)).toThrow(
      /Unknown system package chromium-browser/,
    )
  })
})
