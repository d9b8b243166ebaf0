import type { DatabaseTransaction } from '@gatehouse/db';
import { AppError, invalidField } from '../errors/app-error';

/**
 * Agents route by listen port and Host, so two applications of a deployment may share a port
 * only with different host names (the contract refuses the whole document otherwise).
 */
export async function checkHostAndPortFree(
  tx: DatabaseTransaction,
  target: { deploymentId: string; applicationUrl: string; listenPort: number; exceptId?: string },
): Promise<void> {
  const host = new URL(target.applicationUrl).host.toLowerCase();
  const others = await tx.application.findMany({
    where: {
      deploymentId: target.deploymentId,
      listenPort: target.listenPort,
      ...(target.exceptId ? { id: { not: target.exceptId } } : {}),
    },
    select: { name: true, applicationUrl: true },
  });
  const clash = others.find((other) => new URL(other.applicationUrl).host.toLowerCase() === host);
  if (clash) {
    throw new AppError(
      'invalid',
      `Application "${clash.name}" already serves ${host} on port ${target.listenPort}.`,
      {
        issues: [
          {
            path: 'applicationUrl',
            message: `host already served on this port by "${clash.name}"`,
          },
        ],
      },
    );
  }
}

/** Replaces the application's identity providers; each must belong to its deployment. */
export async function setApplicationIdps(
  tx: DatabaseTransaction,
  app: { id: string; organizationId: string; deploymentId: string },
  idpIds: string[],
): Promise<void> {
  const duplicate = idpIds.findIndex((id, index) => idpIds.indexOf(id) !== index);
  if (duplicate !== -1) throw invalidField(`idpIds[${duplicate}]`, 'listed twice');
  const found = await tx.identityProvider.findMany({
    where: {
      id: { in: idpIds },
      deploymentId: app.deploymentId,
      organizationId: app.organizationId,
    },
    select: { id: true },
  });
  const known = new Set(found.map((idp) => idp.id));
  const missing = idpIds.findIndex((id) => !known.has(id));
  if (missing !== -1) {
    throw invalidField(`idpIds[${missing}]`, 'no identity provider with this id in the deployment');
  }
  await tx.applicationIdentityProvider.deleteMany({ where: { applicationId: app.id } });
  await tx.applicationIdentityProvider.createMany({
    data: idpIds.map((identityProviderId, position) => ({
      organizationId: app.organizationId,
      deploymentId: app.deploymentId,
      applicationId: app.id,
      identityProviderId,
      position,
    })),
  });
}
