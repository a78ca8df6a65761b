// `npm run user:create -- --email E --role admin`: creates a newsroom account from the command line.
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createDb, type Db } from '../db/client'
import { insertUser, normalizeEmail } from '../db/queries/users'
import { checkPasswordStrength } from '../services/auth-password-policy'
import { isRole } from '../services/editorial-permissions'
import {
  DEFAULT_PBKDF2_ITERATIONS,
  hashPassword,
  MAX_PBKDF2_ITERATIONS,
} from '../services/passwords'
import { DEFAULT_DB_URL, migrateDatabase, openClient } from './migrate'

const USAGE = `Usage: npm run user:create -- --email EMAIL --role admin|editor|author [--name NAME] [--password-stdin]

Reads the password from a prompt, or from standard input with --password-stdin.
The database is TURSO_DATABASE_URL (default ${DEFAULT_DB_URL}); PASSWORD_ITERATIONS as for the Worker.`

export interface NewAccount {
  email: string
  role: string
  name?: string
  password: string
  iterations?: number
}

/** Validates and creates the account; throws an Error whose message is meant for the terminal. */
export async function createAccount(db: Db, account: NewAccount): Promise<{ id: number }> {
  const email = normalizeEmail(account.email)
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new Error(`"${email}" is not an email address`)
  if (!isRole(account.role)) throw new Error('--role must be admin, editor or author')
  const weak = checkPasswordStrength(account.password, { email })
  if (weak) throw new Error(`Password refused: ${weak}`)
  const iterations = account.iterations ?? DEFAULT_PBKDF2_ITERATIONS
  if (!Number.isInteger(iterations) || iterations < 10_000 || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new Error(`PASSWORD_ITERATIONS must be between 10000 and ${MAX_PBKDF2_ITERATIONS}`)
  }
  const created = await insertUser(db, {
    email,
    name: account.name?.trim() || email.split('@')[0] || email,
    role: account.role,
    passwordHash: await hashPassword(account.password, iterations),
  })
  if (!created) throw new Error(`An account with the email ${email} already exists`)
  return created
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  // One trailing newline is the terminator `echo` or a file adds, not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const { stdin, stdout } = process
  if (!stdin.isTTY)
    throw new Error('No terminal to prompt on; pipe the password with --password-stdin')
  return new Promise((resolve, reject) => {
    let value = ''
    stdout.write(question)
    stdin.setRawMode(true)
    stdin.resume()
    stdin.setEncoding('utf8')
    const done = (error?: Error) => {
      stdin.setRawMode(false)
      stdin.pause()
      stdin.off('data', onData)
      stdout.write('\n')
      if (error) reject(error)
      else resolve(value)
    }
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done()
        if (char === '\u0003') return done(new Error('Cancelled'))
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1)
        else value += char
      }
    }
    stdin.on('data', onData)
  })
}

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help || !values.email || !values.role) {
    console.log(USAGE)
    process.exit(values.help ? 0 : 2)
  }
  let password: string
  if (values['password-stdin']) password = await readStdin()
  else {
    password = await promptHidden('Password: ')
    if ((await promptHidden('Again: ')) !== password) throw new Error('The passwords differ')
  }
  const url = process.env.TURSO_DATABASE_URL || DEFAULT_DB_URL
  const client = openClient(url, process.env.TURSO_AUTH_TOKEN)
  try {
    await migrateDatabase(client)
    const iterations = process.env.PASSWORD_ITERATIONS
      ? Number(process.env.PASSWORD_ITERATIONS)
      : undefined
    const { id } = await createAccount(createDb(client), {
      email: values.email,
      role: values.role,
      name: values.name,
      password,
      iterations,
    })
    console.log(`Created ${values.role} ${normalizeEmail(values.email)} (id ${id})`)
  } finally {
    client.close()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`user:create failed: ${error instanceof Error ? error.message : error}`)
    process.exit(1)
  })
}
