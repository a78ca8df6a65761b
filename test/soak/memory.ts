// Memory over the soak: workerd's RSS, and the Worker isolate's live JS heap read through wrangler's devtools.
import { workerdRssKb } from '../bench/memory'

export interface MemoryReading {
  rssMb: number
  /** The Worker's JS heap after a full garbage collection: what it really keeps. */
  heapMb: number
  /** Why the heap could not be read, if it could not (heapMb is then NaN). */
  heapError?: string
}

export interface MemoryTrend {
  baseline: MemoryReading
  end: MemoryReading
  peakRssMb: number
  /** (end - baseline) / baseline. */
  rssGrowth: number
  heapGrowth: number
}

const MB = 1024 * 1024

/**
 * The Worker's used JS heap in bytes after a full collection, over the Chrome DevTools Protocol on
 * wrangler's inspector port. workerd does not offer `collectGarbage`, but a heap snapshot starts
 * with a full collection, so one is taken (and its chunks dropped) first. wrangler accepts only a
 * local Origin, which Node's WebSocket can send.
 */
export async function readLiveHeap(inspectorPort: number): Promise<number> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as {
    webSocketDebuggerUrl: string
  }[]
  const url = targets[0]?.webSocketDebuggerUrl
  if (!url) throw new Error('wrangler lists no Worker to inspect')
  const socket = new WebSocket(url, { headers: { Origin: 'http://127.0.0.1' } } as never)
  try {
    return await new Promise<number>((done, fail) => {
      const timer = setTimeout(() => fail(new Error('no heap reading within 30 s')), 30_000)
      socket.addEventListener('error', () => fail(new Error('the inspector refused the socket')))
      socket.addEventListener('open', () => {
        socket.send(JSON.stringify({ id: 1, method: 'HeapProfiler.takeHeapSnapshot' }))
        socket.send(JSON.stringify({ id: 2, method: 'Runtime.getHeapUsage' }))
      })
      socket.addEventListener('message', (event) => {
        const message = JSON.parse(String(event.data)) as {
          id?: number
          result?: { usedSize: number }
        }
        if (message.id !== 2 || !message.result) return
        clearTimeout(timer)
        done(message.result.usedSize)
      })
    })
  } finally {
    socket.close()
  }
}

/**
 * Samples workerd's RSS every few seconds, and reads the Worker's live heap at `baselineMs` and when
 * stopped. RSS readings are averaged over the half-minute up to each moment.
 */
export function sampleMemory(rootPid: number, inspectorPort: number, baselineMs: number) {
  const started = Date.now()
  const rss: { at: number; kb: number }[] = []
  const take = () => rss.push({ at: Date.now() - started, kb: workerdRssKb(rootPid) })
  take()
  const timer = setInterval(take, 5000)
  const averageRssMb = (to: number) => {
    const picked = rss.filter((sample) => sample.at > to - 30_000 && sample.at <= to)
    const kb = picked.reduce((sum, sample) => sum + sample.kb, 0) / Math.max(1, picked.length)
    return Math.round(kb / 102.4) / 10
  }
  const reading = async (): Promise<MemoryReading> => {
    let heapError: string | undefined
    const heap = await readLiveHeap(inspectorPort).catch((error: Error) => {
      heapError = error.message
      return Number.NaN
    })
    take()
    return {
      rssMb: averageRssMb(Date.now() - started),
      heapMb: Math.round((heap / MB) * 10) / 10,
      heapError,
    }
  }
  const baseline = new Promise<MemoryReading>((done) => {
    setTimeout(() => done(reading()), baselineMs)
  })
  return {
    async stop(): Promise<MemoryTrend> {
      clearInterval(timer)
      const [first, last] = [await baseline, await reading()]
      return {
        baseline: first,
        end: last,
        peakRssMb: Math.round(Math.max(...rss.map((sample) => sample.kb)) / 102.4) / 10,
        rssGrowth: (last.rssMb - first.rssMb) / first.rssMb,
        heapGrowth: (last.heapMb - first.heapMb) / first.heapMb,
      }
    },
  }
}
