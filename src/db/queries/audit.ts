// The audit log: one row per editorial action (who, what, when, target), and pages of it for admins.
import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { auditLog, users } from '../schema'

export interface AuditEntry {
  userId: number | null
  /** `<area>.<verb>`, e.g. `article.publish`, `comment.approve`, `auth.login`. */
  action: string
  targetType: string
  /** SQL when the target is written in the same batch and its id is not known yet. */
  targetId: string | number | SQL | null
  detail?: Record<string, unknown>
}

export interface AuditRow {
  id: number
  action: string
  targetType: string
  targetId: string | null
  detail: string
  createdAt: Date
  userName: string | null
  userEmail: string | null
}

export const AUDIT_PAGE_SIZE = 50

function targetIdOf(id: AuditEntry['targetId']) {
  if (id === null) return null
  return typeof id === 'object' ? sql<string>`cast(${id} as text)` : String(id)
}

/** The insert for one or more entries, to run on its own or inside a write's batch. */
export function insertAuditQuery(db: Db, entries: AuditEntry[], at = new Date()) {
  return db.insert(auditLog).values(
    entries.map((entry) => ({
      userId: entry.userId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: targetIdOf(entry.targetId),
      detail: JSON.stringify(entry.detail ?? {}),
      createdAt: at,
    })),
  )
}

export interface AuditFilter {
  action?: string
  userId?: number
  targetType?: string
  targetId?: string
}

/** One page of the log, newest first, with the total for pagination: one round trip. */
export async function listAuditLog(db: Db, filter: AuditFilter, page: number) {
  const conditions: SQL[] = []
  if (filter.action) conditions.push(eq(auditLog.action, filter.action))
  if (filter.userId) conditions.push(eq(auditLog.userId, filter.userId))
  if (filter.targetType) conditions.push(eq(auditLog.targetType, filter.targetType))
  if (filter.targetId) conditions.push(eq(auditLog.targetId, filter.targetId))
  const where = conditions.length > 0 ? and(...conditions) : undefined
  const [rows, total, actions] = await db.batch([
    db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        detail: auditLog.detail,
        createdAt: auditLog.createdAt,
        userName: users.name,
        userEmail: users.email,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    db.select({ total: count() }).from(auditLog).where(where),
    db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action),
  ])
  return {
    rows: rows as AuditRow[],
    total: total[0]?.total ?? 0,
    actions: actions.map((row) => row.action),
  }
}
