import type { ProvisioningKey } from '@gatehouse/db';
import { toIso } from '../shared/common.types';
import type { TProvisioningKeyResponse } from './provisioning-key.types';

export function mapProvisioningKey(
  key: Omit<ProvisioningKey, 'secretHash'>,
): TProvisioningKeyResponse {
  const expired = key.expiresAt !== null && key.expiresAt.getTime() <= Date.now();
  return {
    id: key.id,
    deploymentId: key.deploymentId,
    name: key.name,
    key: key.keyId,
    secretPrefix: key.secretPrefix,
    status: key.revokedAt ? 'REVOKED' : expired ? 'EXPIRED' : 'ACTIVE',
    expiresAt: toIso(key.expiresAt),
    revokedAt: toIso(key.revokedAt),
    lastUsedAt: toIso(key.lastUsedAt),
    createdAt: toIso(key.createdAt),
  };
}
