// The Debian packages the checks drive (Chromium, Java, nginx): what is missing, and what to do about it.
import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'

/** How to tell each package is there: the exact path the checks launch, or a command on PATH. */
const PACKAGES: Record<string, { file?: string; command?: string; for: string }> = {
  chromium: { file: '/usr/bin/chromium', for: 'browser tests, page weight and Lighthouse' },
  'default-jre-headless': { command: 'java', for: 'the Nu Html Checker' },
  nginx: { file: '/usr/sbin/nginx', for: "the benchmark's reference server" },
}

/** The machine as the plan sees it; tests hand in a made-up one. */
export interface System {
  hasFile(path: string): boolean
  hasCommand(name: string): boolean
  isRoot(): boolean
  /** Runs a command, showing only its errors; returns its exit code. */
  run(command: string[], env: Record<string, string>): number
}

export type Plan =
  | { action: 'none' }
  | { action: 'install'; missing: string[]; commands: string[][] }
  | { action: 'stop'; missing: string[]; message: string }

function probeFor(name: string) {
  const probe = PACKAGES[name]
  if (!probe) throw new Error(`Unknown system package ${name} (known: ${Object.keys(PACKAGES)})`)
  return probe
}

/** "chromium (/usr/bin/chromium, for browser tests, …)": what is missing and why it matters. */
function describePackage(name: string): string {
  const probe = probeFor(name)
  return `${name} (${probe.file ?? `\`${probe.command}\``}, for ${probe.for})`
}

function isInstalled(name: string, system: System): boolean {
  const probe = probeFor(name)
  return probe.file ? system.hasFile(probe.file) : system.hasCommand(probe.command as string)
}

/** Nothing to do, apt-get to run (as root), or a stop with the exact command for the user. */
export function planSystemPackages(needed: string[], system: System): Plan {
  const missing = needed.filter((name) => !isInstalled(name, system))
  if (missing.length === 0) return { action: 'none' }
  const hasApt = system.hasCommand('apt-get')
  if (hasApt && system.isRoot()) {
    return {
      action: 'install',
      missing,
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', ...missing],
      ],
    }
  }
  const sudo = system.isRoot() || !system.hasCommand('sudo') ? '' : 'sudo '
  const command = `${sudo}apt-get update && ${sudo}apt-get install -y ${missing.join(' ')}`
  const lines = [`Missing system packages: ${missing.map(describePackage).join(', ')}.`]
  if (hasApt && sudo) lines.push(`Install them with:\n\n  ${command}\n`)
  else if (hasApt) lines.push(`Install them as root with:\n\n  ${command}\n`)
  else
    lines.push(`This machine has no apt-get. On Debian or Ubuntu they come with:\n\n  ${command}\n`)
  return { action: 'stop', missing, message: lines.join('\n') }
}

/** Carries the plan out; returns the process's exit code. Never runs apt-get unless root. */
export function ensureSystemPackages(
  needed: string[],
  system: System,
  log: (line: string) => void,
): number {
  const plan = planSystemPackages(needed, system)
  if (plan.action === 'none') return 0
  if (plan.action === 'stop') {
    log(plan.message)
    return 1
  }
  log(`Installing ${plan.missing.join(', ')} with apt-get (missing; we are root): a minute or two`)
  for (const command of plan.commands) {
    const code = system.run(command, { DEBIAN_FRONTEND: 'noninteractive' })
    if (code !== 0) {
      log(`\`${command.join(' ')}\` failed (exit code ${code}); nothing else was run.`)
      return 1
    }
  }
  const still = plan.missing.filter((name) => !isInstalled(name, system))
  if (still.length > 0) {
    log(`apt-get ran, but these are still missing: ${still.map(describePackage).join(', ')}.`)
    return 1
  }
  return 0
}

/** This machine. */
export const localSystem: System = {
  hasFile: (path) => existsSync(path),
  hasCommand(name) {
    return (process.env.PATH ?? '').split(delimiter).some((dir) => {
      try {
        accessSync(join(dir, name), constants.X_OK)
        return true
      } catch {
        return false
      }
    })
  },
  isRoot: () => process.getuid?.() === 0,
  run(command, env) {
    const [file, ...args] = command as [string, ...string[]]
    // dpkg's hundreds of progress lines hide the test output; apt-get's errors go to stderr.
    const stdio = ['inherit', 'ignore', 'inherit'] as const
    const result = spawnSync(file, args, { stdio: [...stdio], env: { ...process.env, ...env } })
    return result.status ?? 1
  },
}
