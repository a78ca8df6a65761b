// Stands in for wrangler dev: a server on one port and a child ("workerd") on another, one process group.
// Plain Node (type stripping, no imports of our own), so it starts in a tenth of a second.
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'

const [role, port, workerdPort] = process.argv.slice(2)

function listen(on: string): Promise<void> {
  const server = createServer((_request, response) => response.end(role))
  return new Promise((done) => server.listen(Number(on), '127.0.0.1', done))
}

if (role === 'workerd') {
  await listen(port as string)
  process.stdout.write('ready\n')
} else {
  await listen(port as string)
  const workerd = spawn(
    process.execPath,
    [import.meta.filename, 'workerd', workerdPort as string],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  workerd.stdout.once('data', () => process.stdout.write('ready\n'))
}
