import { runInTransaction } from '@gatehouse/db';
import { requirePermission, type Actor } from '../api/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { getPrisma } from '../db/get-prisma';
import { bumpConfigVersion } from '../deployments/bump-config-version';
import { getIdentityProviderOrThrow } from './get-identity-provider';

/**
 * Deletes the identity provider and unbinds it from its applications; an application left with
 * none becomes INCOMPLETE and drops out of the agents' document until it gets another.
 */
export async function deleteIdentityProvider(actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'write');
  await runInTransaction(getPrisma(), async (tx) => {
    const idp = await getIdentityProviderOrThrow(tx, actor.organizationId, id);
    await tx.identityProvider.delete({ where: { id: idp.id } });
    await bumpConfigVersion(
      tx,
      { organizationId: actor.organizationId, deploymentId: idp.deploymentId },
      `identity provider "${idp.name}" deleted`,
    );
    await recordAuditEvent(tx, actor, {
      action: 'identity_provider.delete',
      targetType: 'identity_provider',
      targetId: idp.id,
      metadata: { name: idp.name, unboundFrom: idp.applications.map((link) => link.applicationId) },
    });
  });
}
