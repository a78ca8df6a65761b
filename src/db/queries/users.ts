// Newsroom accounts: look-ups for sign-in and sessions, the admin's list, and account changes.
import { asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { type UserRole, users } from '../schema'

export interface UserRecord {
  id: number
  email: string
  name: string
  role: UserRole
  passwordHash: string
  disabled: boolean
}

export interface UserListItem {
  id: number
  email: string
  name: string
  role: UserRole
  disabled: boolean
  lastLoginAt: Date | null
  createdAt: Date
  activeTokens: number
}

/** Emails are compared trimmed and lowercased, the form they are stored in. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

const recordColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  passwordHash: users.passwordHash,
  disabled: users.disabled,
}

export function userByEmailQuery(db: Db, email: string) {
  return db
    .select(recordColumns)
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRecord | null> {
  return (await userByEmailQuery(db, email))[0] ?? null
}

export function userByIdQuery(db: Db, id: number) {
  return db.select(recordColumns).from(users).where(eq(users.id, id))
}

export async function findUserById(db: Db, id: number): Promise<UserRecord | null> {
  return (await userByIdQuery(db, id))[0] ?? null
}

/** Every account, for the admin page and the author filter, with its count of live API tokens. */
export async function listUsers(db: Db): Promise<UserListItem[]> {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
      // Qualified by hand: drizzle leaves columns bare here, and a bare `id` would be the token's.
      activeTokens: sql<number>`(select count(*) from api_tokens where api_tokens.user_id = users.id and api_tokens.revoked_at is null)`,
    })
    .from(users)
    .orderBy(asc(users.name), asc(users.id))
}

export interface NewUser {
  email: string
  name: string
  role: UserRole
  passwordHash: string
}

/** Inserts an account; null when the email is already taken. */
export async function insertUser(db: Db, user: NewUser): Promise<{ id: number } | null> {
  const [row] = await db
    .insert(users)
    .values({ ...user, email: normalizeEmail(user.email) })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id })
  return row ?? null
}

export function updateUserQuery(
  db: Db,
  id: number,
  changes: Partial<{
    role: UserRole
    disabled: boolean
    passwordHash: string
    lastLoginAt: Date
  }>,
) {
  return db.update(users).set(changes).where(eq(users.id, id))
}
