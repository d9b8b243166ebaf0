import { runInTransaction } from '@gatehouse/db';
import { requirePermission, type Actor } from '../api/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { getPrisma } from '../db/get-prisma';
import { notifyConfigChanged } from './bump-config-version';
import { getDeploymentOrThrow } from './get-deployment';

/**
 * Deletes the deployment with everything under it, its provisioning keys included: its agents'
 * next poll (woken now by the notification) answers 401 and they stop serving.
 */
export async function deleteDeployment(actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'write');
  await runInTransaction(getPrisma(), async (tx) => {
    const deployment = await getDeploymentOrThrow(tx, actor.organizationId, id);
    await tx.deployment.delete({ where: { id: deployment.id } });
    await notifyConfigChanged(tx, deployment.id);
    await recordAuditEvent(tx, actor, {
      action: 'deployment.delete',
      targetType: 'deployment',
      targetId: deployment.id,
      metadata: { name: deployment.name },
    });
  });
}
