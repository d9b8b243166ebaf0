import { runInTransaction } from '@gatehouse/db';
import { getEnv } from '@/env';
import { requirePermission, type Actor } from '../api/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { getPrisma } from '../db/get-prisma';
import { bumpConfigVersion } from './bump-config-version';
import { createDeploymentKeys } from './create-deployment-keys';
import type { TCreateDeploymentRequest, TDeploymentResponse } from './deployment.types';
import { mapDeployment } from './map-deployment';

/** A new deployment with its keys and configuration version 1, ready for its first agent. */
export async function createDeployment(
  actor: Actor,
  input: TCreateDeploymentRequest,
): Promise<TDeploymentResponse> {
  requirePermission(actor, 'write');
  const deployment = await runInTransaction(getPrisma(), async (tx) => {
    const created = await tx.deployment.create({
      data: { organizationId: actor.organizationId, ...input },
    });
    const ref = { organizationId: actor.organizationId, deploymentId: created.id };
    await createDeploymentKeys(tx, ref, getEnv().encryptionKey);
    await bumpConfigVersion(tx, ref, 'deployment created');
    await recordAuditEvent(tx, actor, {
      action: 'deployment.create',
      targetType: 'deployment',
      targetId: created.id,
      metadata: { name: created.name },
    });
    return tx.deployment.findUniqueOrThrow({ where: { id: created.id } });
  });
  return mapDeployment(deployment);
}
