// A conversion worker thread: holds its own copy of the build context, converts chunks of items.
import { parentPort, workerData } from 'node:worker_threads'
import { type ConvertTask, convertItems, createConvertState } from './convert-items'
import { addAttachment, type WordpressBuild } from './wordpress-items'

/** What the pool sends: a chunk to convert, or an attachment that every later item may use. */
export type ToWorker =
  | { type: 'items'; id: number; tasks: ConvertTask[] }
  | { type: 'attachment'; id: string; url: string; parent: string }

const state = createConvertState(workerData as WordpressBuild)

parentPort?.on('message', (message: ToWorker) => {
  if (message.type === 'attachment') {
    addAttachment(state.build, message.id, message.url, message.parent)
    return
  }
  try {
    parentPort?.postMessage({ id: message.id, results: convertItems(state, message.tasks) })
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error)
    parentPort?.postMessage({ id: message.id, error: text })
  }
})
