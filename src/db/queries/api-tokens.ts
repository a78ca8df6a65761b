// API tokens: stored as hashes with their scopes; looked up by hash, listed and revoked by admins.
import { and, desc, eq, isNull } from 'drizzle-orm'
import type { Db } from '../client'
import { apiTokens, type UserRole, users } from '../schema'

export interface ApiTokenListItem {
  id: number
  name: string
  scopes: string
  createdAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
  userId: number
  userName: string
  userEmail: string
}

export interface TokenOwner {
  tokenId: number
  scopes: string
  user: { id: number; email: string; name: string; role: UserRole }
}

export async function insertApiToken(
  db: Db,
  token: { userId: number; name: string; tokenHash: string; scopes: string },
) {
  const [row] = await db.insert(apiTokens).values(token).returning({ id: apiTokens.id })
  if (!row) throw new Error('token insert returned nothing')
  return row
}

export async function listApiTokens(db: Db): Promise<ApiTokenListItem[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      userId: users.id,
      userName: users.name,
      userEmail: users.email,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
}

/** Revokes a live token; false when there is no such token or it was already revoked. */
export async function revokeApiTokenQuery(db: Db, id: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id })
  return rows.length > 0
}

/** Revokes every live token of a user (disabling, re-enabling, a password reset); returns their ids. */
export function revokeUserTokensQuery(db: Db, userId: number, now: Date) {
  return db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id })
}

/**
 * The owner of a live token, with its last use stamped, in one round trip. Revoked tokens and
 * tokens of disabled accounts find nothing.
 */
export async function useApiToken(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<TokenOwner | null> {
  const live = and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt))
  const [, rows] = await db.batch([
    db.update(apiTokens).set({ lastUsedAt: now }).where(live),
    db
      .select({
        tokenId: apiTokens.id,
        scopes: apiTokens.scopes,
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
      })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(live, eq(users.disabled, false))),
  ])
  const row = rows[0]
  if (!row) return null
  const { tokenId, scopes, ...user } = row
  return { tokenId, scopes, user }
}
