import { runInTransaction } from '@gatehouse/db';
import { requirePermission, type Actor } from '../api/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { getPrisma } from '../db/get-prisma';
import { bumpConfigVersion } from './bump-config-version';
import type { TDeploymentResponse, TUpdateDeploymentRequest } from './deployment.types';
import { getDeploymentOrThrow } from './get-deployment';
import { mapDeployment } from './map-deployment';

export async function updateDeployment(
  actor: Actor,
  id: string,
  input: TUpdateDeploymentRequest,
): Promise<TDeploymentResponse> {
  requirePermission(actor, 'write');
  const deployment = await runInTransaction(getPrisma(), async (tx) => {
    const before = await getDeploymentOrThrow(tx, actor.organizationId, id);
    await tx.deployment.update({ where: { id: before.id }, data: input });
    // The description is for people; the name and trusted proxies are in the agents' document.
    const agentsSee =
      (input.name !== undefined && input.name !== before.name) ||
      (input.trustedProxies !== undefined &&
        input.trustedProxies.join() !== before.trustedProxies.join());
    if (agentsSee) {
      await bumpConfigVersion(
        tx,
        { organizationId: actor.organizationId, deploymentId: id },
        'deployment updated',
      );
    }
    await recordAuditEvent(tx, actor, {
      action: 'deployment.update',
      targetType: 'deployment',
      targetId: id,
      metadata: { changed: Object.keys(input) },
    });
    return tx.deployment.findUniqueOrThrow({ where: { id } });
  });
  return mapDeployment(deployment);
}
