// The Worker isolate's live JS heap, read over workerd's inspector (Chrome DevTools Protocol).

interface InspectorTarget {
  id?: string
  title?: string
  url?: string
  webSocketDebuggerUrl?: string
}

/** The DevTools socket of the isolate named `worker` on workerd's inspector at `inspectorUrl`. */
export async function findIsolate(inspectorUrl: string, worker: string): Promise<string> {
  const http = inspectorUrl.replace(/^ws/, 'http').replace(/\/$/, '')
  const targets = (await (await fetch(`${http}/json/list`)).json()) as InspectorTarget[]
  const target = targets.find((t) => `${t.id} ${t.title} ${t.url}`.includes(worker))
  const url = target?.webSocketDebuggerUrl
  if (!url) throw new Error(`workerd's inspector lists no isolate for ${worker}`)
  return url
}

/**
 * Used JS heap in bytes after a full collection. workerd has no `collectGarbage`, but a heap
 * snapshot starts with a full collection, so one is taken (its chunks ignored) before the reading.
 */
export async function readLiveHeapBytes(inspectorUrl: string, worker: string): Promise<number> {
  const socket = new WebSocket(await findIsolate(inspectorUrl, worker))
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
