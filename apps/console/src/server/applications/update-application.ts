import { runInTransaction } from '@gatehouse/db';
import { requirePermission, type Actor } from '../api/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { getPrisma } from '../db/get-prisma';
import { bumpConfigVersion } from '../deployments/bump-config-version';
import { invalidField } from '../errors/app-error';
import type { TApplicationResponse, TUpdateApplicationRequest } from './application.types';
import { checkHostAndPortFree, setApplicationIdps } from './check-application-placement';
import { getApplicationOrThrow } from './get-application';
import { mapApplication } from './map-application';
import { toApplicationColumns } from './to-application-columns';

export async function updateApplication(
  actor: Actor,
  id: string,
  input: TUpdateApplicationRequest,
): Promise<TApplicationResponse> {
  requirePermission(actor, 'write');
  const app = await runInTransaction(getPrisma(), async (tx) => {
    const before = await getApplicationOrThrow(tx, actor.organizationId, id);
    const session = {
      maxAgeSeconds: input.session?.maxAgeSeconds ?? before.sessionMaxAgeSeconds,
      idleTimeoutSeconds: input.session?.idleTimeoutSeconds ?? before.sessionIdleTimeoutSeconds,
    };
    if (session.idleTimeoutSeconds > session.maxAgeSeconds) {
      throw invalidField('session.idleTimeoutSeconds', 'must not exceed maxAgeSeconds');
    }
    if (input.applicationUrl !== undefined || input.listenPort !== undefined) {
      await checkHostAndPortFree(tx, {
        deploymentId: before.deploymentId,
        applicationUrl: input.applicationUrl ?? before.applicationUrl,
        listenPort: input.listenPort ?? before.listenPort,
        exceptId: before.id,
      });
    }
    await tx.application.update({ where: { id: before.id }, data: toApplicationColumns(input) });
    if (input.idpIds) await setApplicationIdps(tx, before, input.idpIds);
    const changed = Object.keys(input);
    // The description is for people only; everything else reaches the agents.
    if (changed.some((field) => field !== 'description')) {
      await bumpConfigVersion(
        tx,
        { organizationId: actor.organizationId, deploymentId: before.deploymentId },
        `application "${before.name}" updated`,
      );
    }
    await recordAuditEvent(tx, actor, {
      action: 'application.update',
      targetType: 'application',
      targetId: before.id,
      metadata: { changed },
    });
    return getApplicationOrThrow(tx, actor.organizationId, before.id);
  });
  return mapApplication(app);
}
