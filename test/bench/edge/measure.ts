// A fixed number of requests against one server, with the CPU its process tree spent serving them.
import autocannon from 'autocannon'
import { readTreeCpuMs } from './process-cpu'

export interface EdgeLoad {
  target: string
  path: string
  connections: number
  requests: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** User + system CPU of the server's processes over the run, divided by the requests. */
  cpuMsPerRequest: number
  /** The run's totals, from which the two rates above are taken (and chunks are merged). */
  seconds: number
  cpuMs: number
  /** Non-2xx answers, socket errors and timeouts: the budget is zero. */
  errors: number
}

export interface LoadTarget {
  name: string
  origin: string
  /** The process (and its children) whose CPU is charged to the requests. */
  pid: number
}

/**
 * Sends exactly `amount` requests over `connections` keep-alive connections, after an uncounted
 * warm-up, and reads /proc before and after: CPU per request is only meaningful over a fixed count.
 */
export async function measureEdgeLoad(
  target: LoadTarget,
  path: string,
  connections: number,
  amount: number,
  options: {
    /** A sequence each connection cycles through instead of plain GETs of `path`. */
    requests?: autocannon.Request[]
    /** False for a later chunk of a run whose first chunk warmed the Worker up. */
    warmUp?: boolean
  } = {},
): Promise<EdgeLoad> {
  const { requests, warmUp = true } = options
  const url = `${target.origin}${path}`
  if (warmUp) {
    await autocannon({
      url,
      connections,
      amount: Math.max(connections, Math.ceil(amount / 5)),
      requests,
    })
  }
  const cpuBefore = readTreeCpuMs(target.pid)
  // autocannon reports a run only on its next whole-second tick, and its `duration` includes the
  // wait: 300 requests done in 1.1 s read as 150/s. The clock and the CPU reading stop at the
  // last answer instead.
  let answered = 0
  let lastAnswerAt = 0
  let cpuAtLastAnswer: number | undefined
  const started = performance.now()
  const result = await autocannon({
    url,
    connections,
    amount,
    requests,
    setupClient: (client) => {
      client.on('response', () => {
        lastAnswerAt = performance.now()
        if (++answered === amount) cpuAtLastAnswer = readTreeCpuMs(target.pid)
      })
    },
  })
  const seconds = (Math.max(lastAnswerAt, started + 1) - started) / 1000
  const cpuMs = (cpuAtLastAnswer ?? readTreeCpuMs(target.pid)) - cpuBefore
  const sent = result.requests.total
  return {
    target: target.name,
    path,
    connections,
    requests: sent,
    requestsPerSecond: Math.round(sent / seconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    cpuMsPerRequest: Math.round((cpuMs / Math.max(1, sent)) * 1000) / 1000,
    seconds,
    cpuMs,
    errors: result.non2xx + result.errors + result.timeouts,
  }
}

/**
 * One run measured as chunks taken in turn with the runs it is compared with, so that a change in
 * the machine's load falls on all of them alike. Totals add up; the p50 is the chunks' median and
 * the p99 their worst, since percentiles of parts do not add.
 */
export function mergeLoads(chunks: EdgeLoad[]): EdgeLoad {
  const first = chunks[0] as EdgeLoad
  const requests = chunks.reduce((sum, chunk) => sum + chunk.requests, 0)
  const seconds = chunks.reduce((sum, chunk) => sum + chunk.seconds, 0)
  const cpuMs = chunks.reduce((sum, chunk) => sum + chunk.cpuMs, 0)
  const p50s = chunks.map((chunk) => chunk.p50Ms).sort((a, b) => a - b)
  return {
    ...first,
    requests,
    requestsPerSecond: Math.round(requests / seconds),
    p50Ms: p50s[Math.floor(p50s.length / 2)] ?? first.p50Ms,
    p99Ms: Math.max(...chunks.map((chunk) => chunk.p99Ms)),
    cpuMsPerRequest: Math.round((cpuMs / Math.max(1, requests)) * 1000) / 1000,
    seconds,
    cpuMs,
    errors: chunks.reduce((sum, chunk) => sum + chunk.errors, 0),
  }
}
