// Browser tests' global setup: one isolated Bulletin stack (fresh seeded DB, free ports) for every flow.
import type { TestProject } from 'vitest/node'
import { startE2eStack } from './harness'

/** The seeded admin's password: a throwaway database on loopback, gone when the run ends. */
const ADMIN = { email: 'admin@bulletin.local', password: 'e2e-admin-password-not-secret' }

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the Worker answers, e.g. http://localhost:43123. */
    e2eOrigin: string
    /** The db-server in front of the stack's database, for fixtures and checks. */
    e2eDbUrl: string
    e2eAdmin: { email: string; password: string }
  }
}

export default async function setup(project: TestProject) {
  // Starting wrangler dev takes tens of seconds on two cores: once for all flows, not once a file.
  const stack = await startE2eStack({ seedAdmin: ADMIN })
  project.provide('e2eOrigin', stack.origin)
  project.provide('e2eDbUrl', stack.dbUrl)
  project.provide('e2eAdmin', ADMIN)
  return () => stack.cleanUp()
}
