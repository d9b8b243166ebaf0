import { z } from 'zod';

export const ZConfigProblem = z.object({ path: z.string(), message: z.string() });
export type TConfigProblem = z.infer<typeof ZConfigProblem>;

/** `POST /api/agent/v1/heartbeat`, sent every 15 seconds by each agent instance. */
export const ZHeartbeat = z.object({
  instanceId: z.string().min(1).max(128),
  hostname: z.string().min(1).max(255),
  agentVersion: z.string().min(1).max(64),
  /** The configuration version the agent serves; null before any configuration was applied. */
  configVersion: z.number().int().min(1).nullable(),
  startedAt: z.iso.datetime({ offset: true }),
  uptimeSeconds: z.number().min(0),
  health: z.enum(['OK', 'DEGRADED']),
  lastError: z
    .object({
      message: z.string().max(2000),
      at: z.iso.datetime({ offset: true }),
      problems: z.array(ZConfigProblem).max(200).default([]),
    })
    .nullable(),
});
export type THeartbeat = z.infer<typeof ZHeartbeat>;

export const ZHeartbeatResponse = z.object({
  /** The newest configuration version of the deployment, so an agent can notice it lags. */
  latestConfigVersion: z.number().int().min(0),
});
export type THeartbeatResponse = z.infer<typeof ZHeartbeatResponse>;

export const HEARTBEAT_INTERVAL_SECONDS = 15;
