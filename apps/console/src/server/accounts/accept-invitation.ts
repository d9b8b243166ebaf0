import { runInTransaction } from '@gatehouse/db';
import type { RequestMeta } from '../api/request-meta';
import { recordAuditEvent } from '../audit/record-audit-event';
import { hashSecret } from '../crypto/hash-secret';
import { hashPassword, verifyPassword } from '../crypto/password-hash';
import { getPrisma } from '../db/get-prisma';
import { AppError } from '../errors/app-error';
import { enforceRateLimit, signUpByAddress } from '../rate-limit/limiters';
import type { TAcceptInvitationRequest, TAcceptInvitationResponse } from './invitation.types';

/**
 * Joins the invited organization. A new e-mail gets an account with the given password; an
 * existing account must prove itself with its password, so a leaked link cannot attach someone
 * else's account.
 */
export async function acceptInvitation(
  input: TAcceptInvitationRequest,
  meta: RequestMeta,
): Promise<TAcceptInvitationResponse> {
  enforceRateLimit(signUpByAddress, meta.ip ?? 'unknown', 'attempts from this address');
  const prisma = getPrisma();
  const invitation = await prisma.invitation.findUnique({
    where: { tokenHash: hashSecret(input.token) },
    include: { organization: true },
  });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() <= Date.now()) {
    throw new AppError(
      'not_found',
      'This invitation is unknown, already used or expired; ask for a new one.',
    );
  }
  const existing = await prisma.user.findUnique({
    where: { email: invitation.email },
    omit: { passwordHash: false },
  });
  if (
    existing &&
    !(existing.passwordHash && (await verifyPassword(input.password, existing.passwordHash)))
  ) {
    throw new AppError(
      'unauthorized',
      `An account for ${invitation.email} exists; enter its password to accept.`,
    );
  }
  const passwordHash = existing ? null : await hashPassword(input.password);

  const user = await runInTransaction(prisma, async (tx) => {
    // Marking it accepted first, conditionally, makes a double submit accept only once.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError('conflict', 'This invitation was just used.');
    const member =
      existing ??
      (await tx.user.create({
        data: { email: invitation.email, name: input.name ?? null, passwordHash },
      }));
    const membership = await tx.membership.upsert({
      where: {
        organizationId_userId: { organizationId: invitation.organizationId, userId: member.id },
      },
      create: {
        organizationId: invitation.organizationId,
        userId: member.id,
        role: invitation.role,
      },
      update: {},
    });
    await recordAuditEvent(
      tx,
      { organizationId: invitation.organizationId, userId: member.id, apiTokenId: null, ...meta },
      {
        action: 'membership.create',
        targetType: 'membership',
        targetId: membership.id,
        metadata: { invitationId: invitation.id, role: membership.role },
      },
    );
    return member;
  });
  const { organization } = invitation;
  return {
    user: { id: user.id, email: user.email, name: user.name },
    organization: { id: organization.id, name: organization.name, slug: organization.slug },
    role: invitation.role,
  };
}
