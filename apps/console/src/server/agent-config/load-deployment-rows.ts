import type { DatabaseTransaction } from '@gatehouse/db';

/** Everything the agent document of one deployment is built from, secrets included. */
export function loadDeploymentRows(client: DatabaseTransaction, deploymentId: string) {
  return client.deployment.findUnique({
    where: { id: deploymentId },
    include: {
      // Newest first: the first session key encrypts and the first assertion key signs.
      keys: {
        where: { retiredAt: null },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        omit: { secretCiphertext: false },
      },
      identityProviders: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        omit: { clientSecretCiphertext: false },
      },
      applications: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        include: {
          identityProviders: { orderBy: { position: 'asc' } },
          attributePasses: { orderBy: { position: 'asc' } },
          roleMappings: { orderBy: { position: 'asc' } },
          rules: { orderBy: { priority: 'asc' } },
        },
      },
    },
  });
}

export type DeploymentRows = NonNullable<Awaited<ReturnType<typeof loadDeploymentRows>>>;
export type ApplicationRows = DeploymentRows['applications'][number];
