import { runInTransaction } from '@gatehouse/db';
import { requirePermission, type Actor } from '../api/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { getPrisma } from '../db/get-prisma';
import { getMembershipOrThrow, keepAnOwner } from './update-member';

/**
 * Owners remove members; anyone may leave. The member's API tokens in this organization go with
 * the membership (foreign key), so they stop working at once.
 */
export async function removeMember(actor: Actor, membershipId: string): Promise<void> {
  await runInTransaction(getPrisma(), async (tx) => {
    const membership = await getMembershipOrThrow(tx, actor, membershipId);
    if (membership.userId !== actor.userId) requirePermission(actor, 'owner');
    if (membership.role === 'OWNER') await keepAnOwner(tx, actor);
    // Recorded first: deleting the membership deletes its tokens, possibly the one acting now.
    await recordAuditEvent(tx, actor, {
      action: 'membership.delete',
      targetType: 'membership',
      targetId: membership.id,
      metadata: { userId: membership.userId, role: membership.role },
    });
    await tx.membership.delete({ where: { id: membership.id } });
  });
}
