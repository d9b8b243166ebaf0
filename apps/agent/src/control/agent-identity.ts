import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import packageJson from '../../package.json' with { type: 'json' };

/** Who this agent process is, as its heartbeat tells the console. Fixed for the process' life. */
export interface AgentIdentity {
  instanceId: string;
  hostname: string;
  agentVersion: string;
  startedAt: Date;
}

export const AGENT_VERSION: string = packageJson.version;

export function createAgentIdentity(instanceId: string | undefined): AgentIdentity {
  return {
    instanceId: instanceId ?? randomUUID(),
    hostname: hostname().slice(0, 255) || 'unknown',
    agentVersion: AGENT_VERSION,
    startedAt: new Date(),
  };
}
