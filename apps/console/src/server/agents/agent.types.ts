import { ZConfigProblem } from '@gatehouse/contract';
import { z } from 'zod';
import { ZTimestamp } from '../shared/common.types';

export const ZAgentInstanceResponse = z.object({
  id: z.string(),
  instanceId: z.string(),
  hostname: z.string(),
  agentVersion: z.string(),
  /** The configuration version the agent serves; null before it applied one. */
  configVersion: z.number().int().nullable(),
  /** Whether it serves the deployment's newest version. */
  upToDate: z.boolean(),
  health: z.enum(['OK', 'DEGRADED']),
  lastError: z
    .object({ message: z.string(), at: z.string(), problems: z.array(ZConfigProblem) })
    .nullable(),
  /** Online: a heartbeat within the last 45 seconds (three intervals). */
  online: z.boolean(),
  startedAt: ZTimestamp,
  lastSeenAt: ZTimestamp,
});
export type TAgentInstanceResponse = z.infer<typeof ZAgentInstanceResponse>;

export const ZAgentListResponse = z.object({
  latestConfigVersion: z.number().int(),
  agents: z.array(ZAgentInstanceResponse),
});
export type TAgentListResponse = z.infer<typeof ZAgentListResponse>;
