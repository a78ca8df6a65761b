// CPU time of a process tree from /proc: what the benchmark charges each request to the runtime.
import { readdirSync, readFileSync } from 'node:fs'

/** Linux reports utime and stime in clock ticks; USER_HZ is 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

/** The fields after the command name, which may itself hold spaces and parentheses. */
function statFields(pid: number): string[] {
  const stat = readText(`/proc/${pid}/stat`)
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
}

/** User plus system CPU of one process (all its threads), in milliseconds. */
export function readCpuMs(pid: number): number {
  const fields = statFields(pid)
  // utime and stime are fields 14 and 15 of /proc/PID/stat; the slice starts at field 3.
  const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0)
  return (ticks * 1000) / TICKS_PER_SECOND
}

/** The live children of `parent`, optionally only those whose command line contains `name`. */
export function listChildren(parent: number, name = ''): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => Number(statFields(pid)[1]) === parent)
    .filter((pid) => readText(`/proc/${pid}/cmdline`).includes(name))
}

/** CPU of `root` and every process below it, in milliseconds (nginx: master and worker). */
export function readTreeCpuMs(root: number): number {
  return [root, ...listChildren(root)].reduce((sum, pid) => sum + readCpuMs(pid), 0)
}
