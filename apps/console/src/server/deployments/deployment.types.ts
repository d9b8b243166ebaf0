import { ZAgentConfig } from '@gatehouse/contract';
import { z } from 'zod';
import { ZTimestamp } from '../shared/common.types';

const ZDeploymentName = z.string().trim().min(1).max(200);
const ZDescription = z.string().max(2000);
/** CIDRs of proxies in front of the agents whose X-Forwarded-For they may believe. */
const ZTrustedProxies = ZAgentConfig.shape.trustedProxies;

export const ZDeploymentResponse = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  trustedProxies: z.array(z.string()),
  /** Increases with every change agents see; agents report the version they run. */
  configVersion: z.number().int(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export type TDeploymentResponse = z.infer<typeof ZDeploymentResponse>;

export const ZDeploymentListResponse = z.object({ deployments: z.array(ZDeploymentResponse) });
export type TDeploymentListResponse = z.infer<typeof ZDeploymentListResponse>;

export const ZCreateDeploymentRequest = z.object({
  name: ZDeploymentName,
  description: ZDescription.default(''),
  trustedProxies: ZTrustedProxies.default([]),
});
export type TCreateDeploymentRequest = z.infer<typeof ZCreateDeploymentRequest>;

export const ZUpdateDeploymentRequest = z.object({
  name: ZDeploymentName.optional(),
  description: ZDescription.optional(),
  trustedProxies: ZTrustedProxies.optional(),
});
export type TUpdateDeploymentRequest = z.infer<typeof ZUpdateDeploymentRequest>;
