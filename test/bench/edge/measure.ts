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
  /** A sequence each connection cycles through instead of plain GETs of `path`. */
  requests?: autocannon.Request[],
): Promise<EdgeLoad> {
  const url = `${target.origin}${path}`
  const warmUp = Math.max(connections, Math.ceil(amount / 5))
  await autocannon({ url, connections, amount: warmUp, requests })
  const cpuBefore = readTreeCpuMs(target.pid)
  const started = performance.now()
  const result = await autocannon({ url, connections, amount, requests })
  const seconds = (performance.now() - started) / 1000
  const cpuMs = readTreeCpuMs(target.pid) - cpuBefore
  const sent = result.requests.total
  return {
    target: target.name,
    path,
    connections,
    requests: sent,
    // autocannon times the run itself, from its first request: its own start-up is left out.
    requestsPerSecond: Math.round(sent / (result.duration || seconds)),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    cpuMsPerRequest: Math.round((cpuMs / Math.max(1, sent)) * 1000) / 1000,
    errors: result.non2xx + result.errors + result.timeouts,
  }
}
