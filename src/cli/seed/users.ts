// Local accounts for the demo site: an admin to sign in with, plus an editor and an author for role tests.
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { type UserRole, users } from '../../db/schema'
import { hashPassword } from '../../services/passwords'

// No look-alike characters (0/O, 1/l/I), since the admin password is read off a terminal.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'

/** A random password from the platform CSPRNG, without modulo bias. */
export function generatePassword(length = 20): string {
  const limit = 256 - (256 % ALPHABET.length)
  let out = ''
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length) out += ALPHABET[byte % ALPHABET.length]
    }
  }
  return out
}

export interface LocalUser {
  email: string
  name: string
  role: UserRole
  password: string
}

/** Creates the user unless the email is taken; true when it was created. */
export async function ensureUser(db: Db, user: LocalUser): Promise<boolean> {
  const email = user.email.trim().toLowerCase()
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()
  if (existing) return false
  const inserted = await db
    .insert(users)
    .values({
      email,
      name: user.name,
      role: user.role,
      passwordHash: await hashPassword(user.password),
    })
    .onConflictDoNothing()
    .returning({ id: users.id })
  return inserted.length > 0
}
