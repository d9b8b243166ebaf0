import type { DatabaseTransaction, Prisma } from '@gatehouse/db';
import type { Actor } from '../api/actor';

/** An Actor, or the system itself (userId null) for changes nobody made, such as bootstrap. */
export type AuditActor = Pick<Actor, 'organizationId' | 'apiTokenId' | 'ip' | 'userAgent'> & {
  userId: string | null;
};

export interface AuditEntry {
  /** `<targetType>.<verb>`, e.g. `application.update`. */
  action: string;
  targetType: string;
  targetId: string;
  metadata?: Prisma.InputJsonObject;
}

/**
 * Written in the transaction of the change it describes: a change without its audit event (or
 * the reverse) cannot commit. Metadata names what changed, never secret values.
 */
export async function recordAuditEvent(
  tx: DatabaseTransaction,
  actor: AuditActor,
  entry: AuditEntry,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      actorApiTokenId: actor.apiTokenId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      metadata: entry.metadata ?? {},
      ip: actor.ip,
      userAgent: actor.userAgent,
    },
  });
}
