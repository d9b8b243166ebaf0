import { HEARTBEAT_INTERVAL_SECONDS, ZHeartbeat } from '@gatehouse/contract';
import type { Actor } from '../api/actor';
import { getPrisma } from '../db/get-prisma';
import { getDeploymentOrThrow } from '../deployments/get-deployment';
import { toIso } from '../shared/common.types';
import type { TAgentListResponse } from './agent.types';

/** Three missed heartbeats and an agent counts as offline. */
export const ONLINE_WITHIN_MS = 3 * HEARTBEAT_INTERVAL_SECONDS * 1000;

export async function listAgents(actor: Actor, deploymentId: string): Promise<TAgentListResponse> {
  const prisma = getPrisma();
  const deployment = await getDeploymentOrThrow(prisma, actor.organizationId, deploymentId);
  const instances = await prisma.agentInstance.findMany({
    where: { organizationId: actor.organizationId, deploymentId },
    orderBy: { lastSeenAt: 'desc' },
  });
  const now = Date.now();
  return {
    latestConfigVersion: deployment.configVersion,
    agents: instances.map((agent) => ({
      id: agent.id,
      instanceId: agent.instanceId,
      hostname: agent.hostname,
      agentVersion: agent.agentVersion,
      configVersion: agent.configVersion,
      upToDate: agent.configVersion === deployment.configVersion,
      health: agent.health,
      lastError: ZHeartbeat.shape.lastError.catch(null).parse(agent.lastError),
      online: now - agent.lastSeenAt.getTime() <= ONLINE_WITHIN_MS,
      startedAt: toIso(agent.startedAt),
      lastSeenAt: toIso(agent.lastSeenAt),
    })),
  };
}
