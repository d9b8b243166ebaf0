import { runInTransaction } from '@gatehouse/db';
import { requirePermission, type Actor } from '../api/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { getPrisma } from '../db/get-prisma';
import { notifyConfigChanged } from '../deployments/bump-config-version';
import { notFound } from '../errors/app-error';
import { mapProvisioningKey } from './map-provisioning-key';
import type { TProvisioningKeyResponse } from './provisioning-key.types';

/**
 * Marks the key revoked (the row stays for the audit trail). Long polls held with it are woken
 * and answered 401, so its agents stop serving within about a second.
 */
export async function revokeProvisioningKey(
  actor: Actor,
  id: string,
): Promise<TProvisioningKeyResponse> {
  requirePermission(actor, 'write');
  return runInTransaction(getPrisma(), async (tx) => {
    const key = await tx.provisioningKey.findFirst({
      where: { id, organizationId: actor.organizationId },
    });
    if (!key) throw notFound('Provisioning key');
    if (key.revokedAt) return mapProvisioningKey(key);
    const revoked = await tx.provisioningKey.update({
      where: { id: key.id },
      data: { revokedAt: new Date() },
    });
    await notifyConfigChanged(tx, key.deploymentId);
    await recordAuditEvent(tx, actor, {
      action: 'provisioning_key.revoke',
      targetType: 'provisioning_key',
      targetId: key.id,
      metadata: { name: key.name, deploymentId: key.deploymentId, key: key.keyId },
    });
    return mapProvisioningKey(revoked);
  });
}
