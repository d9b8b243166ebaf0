import { runInTransaction } from '@gatehouse/db';
import { requirePermission, type Actor } from '../api/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { getPrisma } from '../db/get-prisma';
import { bumpConfigVersion } from '../deployments/bump-config-version';
import { getDeploymentOrThrow } from '../deployments/get-deployment';
import type { TApplicationResponse, TCreateApplicationRequest } from './application.types';
import { checkHostAndPortFree, setApplicationIdps } from './check-application-placement';
import { getApplicationOrThrow } from './get-application';
import { mapApplication } from './map-application';
import { toApplicationColumns } from './to-application-columns';

export async function createApplication(
  actor: Actor,
  deploymentId: string,
  input: TCreateApplicationRequest,
): Promise<TApplicationResponse> {
  requirePermission(actor, 'write');
  const app = await runInTransaction(getPrisma(), async (tx) => {
    const deployment = await getDeploymentOrThrow(tx, actor.organizationId, deploymentId);
    await checkHostAndPortFree(tx, { deploymentId: deployment.id, ...input });
    const created = await tx.application.create({
      data: {
        organizationId: actor.organizationId,
        deploymentId: deployment.id,
        ...toApplicationColumns(input),
        name: input.name,
        applicationUrl: input.applicationUrl,
        listenPort: input.listenPort,
      },
    });
    await setApplicationIdps(tx, created, input.idpIds);
    const ref = { organizationId: actor.organizationId, deploymentId: deployment.id };
    await bumpConfigVersion(tx, ref, `application "${created.name}" created`);
    await recordAuditEvent(tx, actor, {
      action: 'application.create',
      targetType: 'application',
      targetId: created.id,
      metadata: { name: created.name, deploymentId: deployment.id },
    });
    return getApplicationOrThrow(tx, actor.organizationId, created.id);
  });
  return mapApplication(app);
}
