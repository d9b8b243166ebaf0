import type { DatabaseTransaction } from '@gatehouse/db';
import { getEnv } from '@/env';
import { buildAgentConfig } from '../agent-config/build-agent-config';
import { AppError } from '../errors/app-error';

/** The channel agents' long polls listen on; the payload is the deployment id. */
export const CONFIG_CHANNEL = 'gatehouse_config';

/**
 * Every change agents can see goes through here, inside the change's own transaction: the
 * version, its ConfigRevision row and the NOTIFY commit together or not at all. PostgreSQL
 * delivers a NOTIFY only when its transaction commits, so a woken long poll always reads the new
 * version, on whichever console replica holds it.
 *
 * It is also the last line of defence: the deployment's whole document is rebuilt and checked
 * against the contract before the change may commit. Request schemas catch nearly everything
 * with precise paths; this catches what only shows in the whole (two applications on one host
 * and port, an IdP bound elsewhere), so agents are never offered a document they must refuse.
 */
export async function bumpConfigVersion(
  tx: DatabaseTransaction,
  deployment: { organizationId: string; deploymentId: string },
  reason: string,
): Promise<number> {
  const { configVersion } = await tx.deployment.update({
    where: { id: deployment.deploymentId },
    data: { configVersion: { increment: 1 } },
    select: { configVersion: true },
  });
  const result = await buildAgentConfig(tx, deployment.deploymentId, getEnv().encryptionKey);
  if (result && !result.ok) {
    throw new AppError(
      'invalid',
      "This change would give the deployment's agents a configuration they must refuse; " +
        'see issues (paths are in the agent configuration document).',
      {
        issues: result.problems.map((problem) => ({ ...problem, path: `config.${problem.path}` })),
      },
    );
  }
  await tx.configRevision.create({
    data: { ...deployment, version: configVersion, reason: reason.slice(0, 500) },
  });
  await notifyConfigChanged(tx, deployment.deploymentId);
  return configVersion;
}

/** Wakes long polls without a new version, e.g. so a revoked key's poll ends with 401 at once. */
export async function notifyConfigChanged(
  tx: DatabaseTransaction,
  deploymentId: string,
): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CONFIG_CHANNEL}, ${deploymentId})`;
}
