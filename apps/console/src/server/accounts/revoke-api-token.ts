import { runInTransaction } from '@gatehouse/db';
import { roleAllows, type Actor } from '../api/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { getPrisma } from '../db/get-prisma';
import { notFound } from '../errors/app-error';
import type { TApiTokenResponse } from './api-token.types';
import { mapApiToken } from './map-api-token';

/** Members revoke their own tokens, owners any token of the organization. Takes effect at once. */
export async function revokeApiToken(actor: Actor, id: string): Promise<TApiTokenResponse> {
  return runInTransaction(getPrisma(), async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: {
        id,
        organizationId: actor.organizationId,
        ...(roleAllows(actor.role, 'owner') ? {} : { userId: actor.userId }),
      },
    });
    if (!token) throw notFound('API token');
    if (token.revokedAt) return mapApiToken(token);
    const revoked = await tx.apiToken.update({
      where: { id: token.id },
      data: { revokedAt: new Date() },
    });
    await recordAuditEvent(tx, actor, {
      action: 'api_token.revoke',
      targetType: 'api_token',
      targetId: token.id,
      metadata: { name: token.name },
    });
    return mapApiToken(revoked);
  });
}
