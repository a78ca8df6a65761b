// workerd's resident memory over the soak, sampled every few seconds, and whether it stayed flat.
import { workerdRssKb } from '../bench/memory'

export interface MemoryTrend {
  /** Average RSS around the baseline moment (minute 2 of 10, or a fifth into a shorter run). */
  baselineMb: number
  endMb: number
  peakMb: number
  /** (end - baseline) / baseline. */
  growth: number
  samples: number
}

const WINDOW_MS = 30_000

export function sampleMemory(rootPid: number, everyMs = 5000) {
  const started = Date.now()
  const samples: { at: number; kb: number }[] = []
  const take = () => samples.push({ at: Date.now() - started, kb: workerdRssKb(rootPid) })
  take()
  const timer = setInterval(take, everyMs)
  const averageMb = (from: number, to: number) => {
    const picked = samples.filter((sample) => sample.at >= from && sample.at <= to)
    const kb = picked.reduce((sum, sample) => sum + sample.kb, 0) / Math.max(1, picked.length)
    return Math.round(kb / 102.4) / 10
  }
  return {
    /** Stops sampling; compares the half-minute around `baselineMs` with the last half-minute. */
    stop(baselineMs: number): MemoryTrend {
      clearInterval(timer)
      take()
      const end = samples.at(-1)?.at ?? 0
      const baselineMb = averageMb(baselineMs - WINDOW_MS / 2, baselineMs + WINDOW_MS / 2)
      const endMb = averageMb(end - WINDOW_MS, end)
      const peakMb = Math.round(Math.max(...samples.map((sample) => sample.kb)) / 102.4) / 10
      const growth = baselineMb > 0 ? (endMb - baselineMb) / baselineMb : Number.NaN
      return { baselineMb, endMb, peakMb, growth, samples: samples.length }
    },
  }
}
