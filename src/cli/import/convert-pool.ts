// Worker threads that convert WXR items (turndown, render, sanitise) while the main thread reads and writes.
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import {
  type ConvertedItem,
  type ConvertTask,
  convertItems,
  createConvertState,
} from './convert-items'
import type { ToWorker } from './convert-worker'
import { addAttachment, type WordpressBuild } from './wordpress-items'
import type { WxrItem } from './wxr-items'

/** Items per message: enough to make a message's cost small beside the conversion's. */
const CHUNK = 25
/** Chunks sent and not yet taken, per worker: keeps workers busy, and memory bounded. */
const IN_FLIGHT_PER_WORKER = 4

/**
 * The worker runs TypeScript as the CLI does (tsx), also when the importer itself runs under
 * vitest, whose transform does not reach worker threads.
 */
function startWorker(build: WordpressBuild): Worker {
  const entry = new URL('./convert-worker.ts', import.meta.url).href
  // Resolved here, so the worker finds tsx whatever the current directory is.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}) })`
  return new Worker(boot, { eval: true, workerData: build })
}

type Waiter = { resolve: (results: ConvertedItem[]) => void; reject: (error: Error) => void }
type FromWorker = { id: number; results: ConvertedItem[] } | { id: number; error: string }

/**
 * Converts items on `workers` threads (on this one when 0) and gives them back in file order.
 * `add` queues an item; `take` yields converted ones once more than the in-flight limit wait (or
 * all of them), so a reader that awaits `take` before reading on is held back: backpressure.
 */
export function createConvertPool(build: WordpressBuild, workers: number) {
  const threads = Array.from({ length: workers }, () => startWorker(build))
  const local = workers === 0 ? createConvertState(build) : undefined
  const waiting = new Map<number, Waiter>()
  const queue: Promise<ConvertedItem[]>[] = []
  let chunk: ConvertTask[] = []
  let nextId = 0
  let failure: Error | undefined
  let closing = false

  const fail = (error: Error) => {
    failure ??= error
    for (const waiter of waiting.values()) waiter.reject(failure)
    waiting.clear()
  }
  for (const thread of threads) {
    thread.on('message', (message: FromWorker) => {
      const waiter = waiting.get(message.id)
      waiting.delete(message.id)
      if ('error' in message) waiter?.reject(new Error(`Conversion failed: ${message.error}`))
      else waiter?.resolve(message.results)
    })
    thread.on('error', fail)
    thread.on('exit', (code) => {
      if (!closing) fail(new Error(`A conversion worker stopped (exit code ${code}).`))
    })
  }

  const send = () => {
    if (chunk.length === 0) return
    const tasks = chunk
    chunk = []
    const id = nextId++
    let converted: Promise<ConvertedItem[]>
    if (local) {
      try {
        converted = Promise.resolve(convertItems(local, tasks))
      } catch (error) {
        converted = Promise.reject(error)
      }
    } else if (failure) converted = Promise.reject(failure)
    else {
      converted = new Promise((resolve, reject) => waiting.set(id, { resolve, reject }))
      const message: ToWorker = { type: 'items', id, tasks }
      threads[id % threads.length]?.postMessage(message)
    }
    // Surfaced by `take`, which awaits it in order; not an unhandled rejection meanwhile.
    converted.catch(() => {})
    queue.push(converted)
  }
  const limit = Math.max(1, workers) * IN_FLIGHT_PER_WORKER

  return {
    add(item: WxrItem, label: string) {
      chunk.push({ item, label })
      if (chunk.length >= CHUNK) send()
    },
    /** An attachment: items after it in the file see it, items before it do not (as in one pass). */
    attach(id: string, url: string, parent: string) {
      send()
      addAttachment(build, id, url, parent)
      const message: ToWorker = { type: 'attachment', id, url, parent }
      for (const thread of threads) thread.postMessage(message)
    },
    /** Converted items in file order: past the in-flight limit, or every one when `all`. */
    async *take(all: boolean): AsyncGenerator<ConvertedItem> {
      if (all) send()
      while (queue.length > (all ? 0 : limit))
        yield* await (queue.shift() as Promise<ConvertedItem[]>)
    },
    async close() {
      closing = true
      await Promise.all(threads.map((thread) => thread.terminate()))
    },
  }
}
