import { runInTransaction } from '@gatehouse/db';
import { requirePermission, type Actor } from '../api/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { getPrisma } from '../db/get-prisma';
import { notFound } from '../errors/app-error';

/** Deletes the invitation, so its link stops working. */
export async function revokeInvitation(actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'owner');
  await runInTransaction(getPrisma(), async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id, organizationId: actor.organizationId },
    });
    if (!invitation) throw notFound('Invitation');
    await tx.invitation.delete({ where: { id: invitation.id } });
    await recordAuditEvent(tx, actor, {
      action: 'invitation.delete',
      targetType: 'invitation',
      targetId: invitation.id,
      metadata: { email: invitation.email },
    });
  });
}
