import type { Deployment } from '@gatehouse/db';
import { toIso } from '../shared/common.types';
import type { TDeploymentResponse } from './deployment.types';

export function mapDeployment(deployment: Deployment): TDeploymentResponse {
  return {
    id: deployment.id,
    name: deployment.name,
    description: deployment.description,
    trustedProxies: deployment.trustedProxies,
    configVersion: deployment.configVersion,
    createdAt: toIso(deployment.createdAt),
    updatedAt: toIso(deployment.updatedAt),
  };
}
