// Peak resident memory of workerd under load, sampled from /proc across wrangler's process tree.
import { readdirSync, readFileSync } from 'node:fs'

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

/** Every process below `root` (children, grandchildren, …). */
function descendants(root: number): number[] {
  const parents = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    // Field 4 of /proc/<pid>/stat is the parent pid; the command name before it may hold spaces.
    const stat = read(`/proc/${name}/stat`)
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    parents.set(Number(name), ppid)
  }
  const found: number[] = []
  const queue = [root]
  while (queue.length > 0) {
    const pid = queue.shift() as number
    for (const [child, parent] of parents) {
      if (parent === pid) {
        found.push(child)
        queue.push(child)
      }
    }
  }
  return found
}

function residentKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(read(`/proc/${pid}/status`))?.[1] ?? 0)
}

/** The summed RSS in KB, now, of the workerd processes under `root` (the Worker and its proxy). */
export function workerdRssKb(root: number): number {
  const workerd = descendants(root).filter((pid) =>
    read(`/proc/${pid}/cmdline`).includes('workerd'),
  )
  return workerd.reduce((sum, pid) => sum + residentKb(pid), 0)
}

/**
 * Samples every 100 ms the summed RSS of the workerd processes under `root` (wrangler dev runs
 * the Worker and its proxy in workerd) until stopped; returns the peak in KB.
 */
export function samplePeakRss(root: number) {
  let peakKb = 0
  const timer = setInterval(() => {
    peakKb = Math.max(peakKb, workerdRssKb(root))
  }, 100)
  return {
    stop(): number {
      clearInterval(timer)
      return peakKb
    },
  }
}
