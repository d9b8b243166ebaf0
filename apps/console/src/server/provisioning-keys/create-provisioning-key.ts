import { randomBytes } from 'node:crypto';
import { runInTransaction } from '@gatehouse/db';
import { requirePermission, type Actor } from '../api/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { displayPrefix, generateSecret, hashSecret } from '../crypto/hash-secret';
import { getPrisma } from '../db/get-prisma';
import { getDeploymentOrThrow } from '../deployments/get-deployment';
import { mapProvisioningKey } from './map-provisioning-key';
import type {
  TCreateProvisioningKeyRequest,
  TCreateProvisioningKeyResponse,
} from './provisioning-key.types';

/** A key/secret pair for the deployment's agents; the secret is returned this once. */
export async function createProvisioningKey(
  actor: Actor,
  deploymentId: string,
  input: TCreateProvisioningKeyRequest,
): Promise<TCreateProvisioningKeyResponse> {
  requirePermission(actor, 'write');
  const secret = generateSecret('ghs');
  const key = await runInTransaction(getPrisma(), async (tx) => {
    const deployment = await getDeploymentOrThrow(tx, actor.organizationId, deploymentId);
    const created = await tx.provisioningKey.create({
      data: {
        organizationId: actor.organizationId,
        deploymentId: deployment.id,
        name: input.name,
        // Public, sent in the clear as the Basic-auth user name; random only to be unique.
        keyId: `ghk_${randomBytes(12).toString('hex')}`,
        secretHash: hashSecret(secret),
        secretPrefix: displayPrefix(secret),
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        createdById: actor.userId,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: 'provisioning_key.create',
      targetType: 'provisioning_key',
      targetId: created.id,
      metadata: { name: created.name, deploymentId: deployment.id, key: created.keyId },
    });
    return created;
  });
  return { ...mapProvisioningKey(key), secret };
}
