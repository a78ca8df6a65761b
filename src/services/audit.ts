// Recording editorial actions: who did what to which target, so admins can answer "who changed this?".
import type { Db } from '../db/client'
import { type AuditEntry, insertAuditQuery } from '../db/queries/audit'
import type { Actor } from './editorial-permissions'

/** An entry on behalf of an actor (null for the system, e.g. a sign-in attempt with no account). */
export function auditEntry(
  actor: Pick<Actor, 'id'> | null,
  action: string,
  target: { type: string; id: AuditEntry['targetId'] },
  detail?: Record<string, unknown>,
): AuditEntry {
  return { userId: actor?.id ?? null, action, targetType: target.type, targetId: target.id, detail }
}

/** Records entries on their own; writes that can, put `insertAuditQuery` in their batch instead. */
export async function recordAudit(db: Db, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length > 0) await insertAuditQuery(db, entries)
}
