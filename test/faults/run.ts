// `npm run test:faults`: one stack, four faults (db killed, cron cut off, transactions cut, db slow), named checks.
import { parseArgs } from 'node:util'
import { openClient } from '../../src/cli/migrate'
import { createDb } from '../../src/db/client'
import { freePort, startIsolatedStack } from '../support/stack'
import { type Check, createChecks } from './checks'
import type { FaultContext } from './context'
import { interruptCron } from './cron-interrupted'
import { killDatabaseUnderLoad } from './db-killed'
import { createDbProcess } from './db-process'
import { slowDatabase } from './db-slow'
import { cutTransactions } from './transaction-cut'

const USAGE =
  'Usage: npm run test:faults [-- --quick] [--only killed|cron|cut|slow] [--timeout-minutes N]'
const SCENARIOS = ['killed', 'cron', 'cut', 'slow'] as const
const DB_TIMEOUT_MS = 1500
const ADMIN = { email: 'faults@bulletin.local', password: 'fault-injection-password' }

const log = (line: string) => console.log(`faults: ${line}`)

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string', multiple: true },
      quick: { type: 'boolean', default: false },
      'timeout-minutes': { type: 'string' },
    },
  })
  const only = values.only ?? [...SCENARIOS]
  const unknown = only.filter((name) => !SCENARIOS.includes(name as never))
  if (unknown.length > 0) throw new Error(`Unknown scenario ${unknown.join(', ')}\n${USAGE}`)
  const quick = values.quick ?? false
  const timeoutMinutes = values['timeout-minutes'] ?? (quick ? '6' : '12')
  const timeoutMs = Number(timeoutMinutes) * 60_000
  if (!(timeoutMs > 0)) throw new Error(`Bad --timeout-minutes\n${USAGE}`)

  const dbPort = await freePort()
  const stack = await startIsolatedStack('faults', {
    dbPort,
    seedAdmin: ADMIN,
    externalDb: true,
    vars: { DB_TIMEOUT_MS: String(DB_TIMEOUT_MS) },
  })
  const db = createDbProcess(stack.dbPath, dbPort)
  const client = openClient(`file:${stack.dbPath}`)
  let cleaned: Promise<void> | undefined
  const cleanUp = () => {
    cleaned ??= (async () => {
      await stack.stop()
      await db.kill()
      client.close()
      await stack.cleanUp()
    })()
    return cleaned
  }
  const stop = (reason: string) => {
    console.error(
      `faults: ${reason}; stopping. wrangler's last words:\n${stack.output().slice(-4000)}`,
    )
    void cleanUp().finally(() => process.exit(1))
  }
  process.once('SIGINT', () => stop('interrupted'))
  process.once('SIGTERM', () => stop('terminated'))
  const watchdog = setTimeout(
    () => stop(`still running after ${timeoutMinutes} minutes`),
    timeoutMs,
  )

  const all: Check[] = []
  try {
    await db.start()
    await stack.waitUntilReady()
    log(
      `stack up at ${stack.origin}, db-server ${db.url} (pid-killable), DB_TIMEOUT_MS ${DB_TIMEOUT_MS}` +
        (quick ? ', quick mode' : ''),
    )
    const context = (scenario: string): FaultContext => ({
      origin: stack.origin,
      db,
      store: createDb(client),
      checks: createChecks(scenario, log, all),
      log,
      admin: ADMIN,
      dbTimeoutMs: DB_TIMEOUT_MS,
      quick,
    })
    const runs: Record<(typeof SCENARIOS)[number], () => Promise<void>> = {
      killed: () => killDatabaseUnderLoad(context('db killed')),
      cron: () => interruptCron(context('cron interrupted')),
      cut: () => cutTransactions(context('transaction cut')),
      slow: () => slowDatabase(context('db slow')),
    }
    for (const name of SCENARIOS.filter((scenario) => only.includes(scenario))) {
      log(`— ${name}`)
      const started = Date.now()
      try {
        await runs[name]()
      } catch (error) {
        createChecks(name, log, all).expect('ran to the end', false, String(error))
      }
      log(`— ${name} took ${Math.round((Date.now() - started) / 1000)} s`)
    }
  } catch (error) {
    console.error(`faults: ${error instanceof Error ? error.message : error}`)
    console.error(stack.output().slice(-4000))
    all.push({ scenario: 'setup', name: 'the stack started', ok: false, detail: String(error) })
  } finally {
    clearTimeout(watchdog)
    await cleanUp()
  }
  const failed = all.filter((check) => !check.ok)
  log(`${all.length - failed.length} of ${all.length} checks passed`)
  for (const check of failed) log(`FAILED ${check.scenario}: ${check.name} (${check.detail})`)
  if (failed.length > 0) {
    const errors = stack
      .output()
      .split('\n')
      .filter((line) => /error|uncaught/i.test(line))
    if (errors.length > 0) log(`wrangler's last errors:\n${errors.slice(-20).join('\n')}`)
  }
  return failed.length > 0 ? 1 : 0
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(`faults failed: ${error instanceof Error ? error.message : error}`)
    process.exit(1)
  })
