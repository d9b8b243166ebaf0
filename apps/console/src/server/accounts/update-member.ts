import { runInTransaction, type DatabaseTransaction } from '@gatehouse/db';
import { requirePermission, type Actor } from '../api/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { getPrisma } from '../db/get-prisma';
import { AppError, notFound } from '../errors/app-error';
import { mapMember } from './list-members';
import type { TMemberResponse, TUpdateMemberRequest } from './member.types';

/** Owners change members' roles; the organization always keeps at least one owner. */
export async function updateMember(
  actor: Actor,
  membershipId: string,
  input: TUpdateMemberRequest,
): Promise<TMemberResponse> {
  requirePermission(actor, 'owner');
  return runInTransaction(getPrisma(), async (tx) => {
    const membership = await getMembershipOrThrow(tx, actor, membershipId);
    if (membership.role === 'OWNER' && input.role !== 'OWNER') await keepAnOwner(tx, actor);
    const updated = await tx.membership.update({
      where: { id: membership.id },
      data: { role: input.role },
      include: { user: true },
    });
    await recordAuditEvent(tx, actor, {
      action: 'membership.update',
      targetType: 'membership',
      targetId: membership.id,
      metadata: { userId: membership.userId, before: membership.role, after: input.role },
    });
    return mapMember(updated);
  });
}

export async function getMembershipOrThrow(
  tx: DatabaseTransaction,
  actor: Actor,
  membershipId: string,
) {
  const membership = await tx.membership.findFirst({
    where: { id: membershipId, organizationId: actor.organizationId },
  });
  if (!membership) throw notFound('Member');
  return membership;
}

export async function keepAnOwner(tx: DatabaseTransaction, actor: Actor): Promise<void> {
  // Serializes owner changes within the organization, so two owners demoting each other at once
  // cannot both succeed.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`owners:${actor.organizationId}`}))`;
  const owners = await tx.membership.count({
    where: { organizationId: actor.organizationId, role: 'OWNER' },
  });
  if (owners <= 1) {
    throw new AppError(
      'conflict',
      'The organization needs at least one owner; make someone else owner first.',
    );
  }
}
