// The stack every check shares: Bulletin on free ports, with its own database file and wrangler state.
import { mkdtempSync, rmSync } from 'node:fs'
import { type AddressInfo, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Stack, type StackOptions, startStack } from '../../src/cli/stack'

/** A loopback port nothing listens on right now; the caller binds it a moment later. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => done(port))
    })
  })
}

export type IsolatedStackOptions = Omit<
  StackOptions,
  'port' | 'dbPort' | 'dbPath' | 'persistTo'
> & {
  /** A db-server port the caller chose, for `externalDb`; one the db-server picks otherwise. */
  dbPort?: number
}

export interface IsolatedStack extends Stack {
  /** The temporary folder holding the database file and wrangler's state. */
  dir: string
  dbPath: string
  /** What wrangler has printed so far (with `stdio: 'pipe'`), to show when something fails. */
  output(): string
  /** Stops the stack and removes its folder; safe to call twice. */
  cleanUp(): Promise<void>
}

/**
 * Starts the whole service in a fresh temporary folder, offline, on free ports. Like
 * `startStack`, it returns before the Worker is ready: await `waitUntilReady()`.
 */
export async function startIsolatedStack(
  name: string,
  options: IsolatedStackOptions = {},
): Promise<IsolatedStack> {
  const dir = mkdtempSync(join(tmpdir(), `bulletin-${name}-`))
  const dbPath = join(dir, 'bulletin.db')
  const stack = await startStack({
    stdio: 'pipe',
    ...options,
    port: await freePort(),
    // Port 0 lets the db-server bind a free port itself: no race with another run picking ports.
    dbPort: options.dbPort ?? 0,
    dbPath,
    persistTo: join(dir, 'wrangler-state'),
  })
  const output: string[] = []
  for (const stream of [stack.wrangler.stdout, stack.wrangler.stderr]) {
    stream?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  }
  let cleaned: Promise<void> | undefined
  return {
    ...stack,
    dir,
    dbPath,
    output: () => output.join(''),
    cleanUp() {
      cleaned ??= stack.stop().then(() => rmSync(dir, { recursive: true, force: true }))
      return cleaned
    },
  }
}
