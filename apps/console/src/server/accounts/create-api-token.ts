import { runInTransaction } from '@gatehouse/db';
import { roleAllows, type Actor } from '../api/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { displayPrefix, generateSecret, hashSecret } from '../crypto/hash-secret';
import { getPrisma } from '../db/get-prisma';
import { invalidField } from '../errors/app-error';
import type { TCreateApiTokenRequest, TCreateApiTokenResponse } from './api-token.types';
import { mapApiToken } from './map-api-token';

const PERMISSION_OF_ROLE = { OWNER: 'owner', ADMIN: 'write', VIEWER: 'read' } as const;

/** Any member may create tokens for themselves; the token is returned this once. */
export async function createApiToken(
  actor: Actor,
  input: TCreateApiTokenRequest,
): Promise<TCreateApiTokenResponse> {
  if (input.role && !roleAllows(actor.role, PERMISSION_OF_ROLE[input.role])) {
    throw invalidField('role', `cannot exceed your own role (${actor.role})`);
  }
  // A token created with a token is limited to the role that token acts with.
  const role = input.role ?? (actor.apiTokenId ? actor.role : null);
  const token = generateSecret('ght');
  const row = await runInTransaction(getPrisma(), async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        organizationId: actor.organizationId,
        userId: actor.userId,
        name: input.name,
        tokenHash: hashSecret(token),
        tokenPrefix: displayPrefix(token),
        role,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: 'api_token.create',
      targetType: 'api_token',
      targetId: created.id,
      metadata: { name: input.name, role },
    });
    return created;
  });
  return { ...mapApiToken(row), token };
}
