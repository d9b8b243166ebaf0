import type { THeartbeat, THeartbeatResponse } from '@gatehouse/contract';
import { Prisma } from '@gatehouse/db';
import { getPrisma } from '../db/get-prisma';
import { AppError } from '../errors/app-error';
import type { AgentCaller } from './authenticate-agent';

/** POST /api/agent/v1/heartbeat: one row per agent process, updated every 15 seconds. */
export async function recordHeartbeat(
  agent: AgentCaller,
  heartbeat: THeartbeat,
): Promise<THeartbeatResponse> {
  const prisma = getPrisma();
  const deployment = await prisma.deployment.findUnique({
    where: { id: agent.deploymentId },
    select: { configVersion: true },
  });
  if (!deployment) throw new AppError('unauthorized', 'deployment deleted');
  const fields = {
    provisioningKeyId: agent.provisioningKeyId,
    hostname: heartbeat.hostname,
    agentVersion: heartbeat.agentVersion,
    configVersion: heartbeat.configVersion,
    health: heartbeat.health,
    lastError: heartbeat.lastError ?? Prisma.DbNull,
    startedAt: new Date(heartbeat.startedAt),
    lastSeenAt: new Date(),
  };
  await prisma.agentInstance.upsert({
    where: {
      deploymentId_instanceId: {
        deploymentId: agent.deploymentId,
        instanceId: heartbeat.instanceId,
      },
    },
    create: {
      organizationId: agent.organizationId,
      deploymentId: agent.deploymentId,
      instanceId: heartbeat.instanceId,
      ...fields,
    },
    update: fields,
  });
  return { latestConfigVersion: deployment.configVersion };
}
