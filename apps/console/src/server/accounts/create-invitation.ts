import { runInTransaction } from '@gatehouse/db';
import { getEnv } from '@/env';
import { requirePermission, type Actor } from '../api/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { generateSecret, hashSecret } from '../crypto/hash-secret';
import { getPrisma } from '../db/get-prisma';
import { AppError } from '../errors/app-error';
import type { TCreateInvitationRequest, TCreateInvitationResponse } from './invitation.types';
import { mapInvitation } from './map-invitation';

const INVITATION_LIFETIME_MS = 7 * 24 * 3600 * 1000;

/**
 * Owners invite by e-mail. The console sends no mail: the response carries the link (once) for
 * the owner to pass on; whoever opens it and sets a password joins with the invited role.
 */
export async function createInvitation(
  actor: Actor,
  input: TCreateInvitationRequest,
): Promise<TCreateInvitationResponse> {
  requirePermission(actor, 'owner');
  const token = generateSecret('ghi');
  const invitation = await runInTransaction(getPrisma(), async (tx) => {
    const member = await tx.membership.findFirst({
      where: { organizationId: actor.organizationId, user: { email: input.email } },
    });
    if (member) {
      throw new AppError('conflict', `${input.email} is already a member of this organization.`, {
        issues: [{ path: 'email', message: 'already a member' }],
      });
    }
    const created = await tx.invitation.create({
      data: {
        organizationId: actor.organizationId,
        email: input.email,
        role: input.role,
        tokenHash: hashSecret(token),
        expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
        invitedById: actor.userId,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: 'invitation.create',
      targetType: 'invitation',
      targetId: created.id,
      metadata: { email: input.email, role: input.role },
    });
    return created;
  });
  const acceptUrl = new URL('/accept-invitation', getEnv().publicUrl);
  acceptUrl.searchParams.set('token', token);
  return { ...mapInvitation(invitation), token, acceptUrl: acceptUrl.toString() };
}
