import { runInTransaction } from '@gatehouse/db';
import { requirePermission, type Actor } from '../api/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { getPrisma } from '../db/get-prisma';
import { bumpConfigVersion } from '../deployments/bump-config-version';
import { getApplicationOrThrow } from './get-application';

export async function deleteApplication(actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'write');
  await runInTransaction(getPrisma(), async (tx) => {
    const app = await getApplicationOrThrow(tx, actor.organizationId, id);
    await tx.application.delete({ where: { id: app.id } });
    await bumpConfigVersion(
      tx,
      { organizationId: actor.organizationId, deploymentId: app.deploymentId },
      `application "${app.name}" deleted`,
    );
    await recordAuditEvent(tx, actor, {
      action: 'application.delete',
      targetType: 'application',
      targetId: app.id,
      metadata: { name: app.name, deploymentId: app.deploymentId },
    });
  });
}
