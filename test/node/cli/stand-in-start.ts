// Stands in for `npm start`: the stand-in wrangler in a process group, with start.ts's stop wiring.
// Prints {"pid", "groupId", "reaperPid"} once everything listens; `crash` then throws, as a bug would.
import { join } from 'node:path'
import { spawnProcessGroup, stopWhenAsked } from '../../../src/cli/process-group'

const [port, workerdPort, mode] = process.argv.slice(2)
const WRANGLER = join(import.meta.dirname, 'stand-in-wrangler.ts')

const group = spawnProcessGroup(
  process.execPath,
  [WRANGLER, 'wrangler', port as string, workerdPort as string],
  { stdio: ['ignore', 'pipe', 'inherit'] },
)
let stopping = false
stopWhenAsked(async (code) => {
  if (stopping) return
  stopping = true
  await group.stop()
  process.exit(code)
})
group.child.stdout?.once('data', () => {
  console.log(
    JSON.stringify({ pid: process.pid, groupId: group.child.pid, reaperPid: group.reaper?.pid }),
  )
  if (mode === 'crash') {
    setTimeout(() => {
      throw new Error('a bug in npm start')
    }, 50)
  }
})
