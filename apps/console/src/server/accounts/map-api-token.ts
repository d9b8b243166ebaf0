import type { ApiToken } from '@gatehouse/db';
import { toIso } from '../shared/common.types';
import type { TApiTokenResponse } from './api-token.types';

export function mapApiToken(token: Omit<ApiToken, 'tokenHash'>): TApiTokenResponse {
  const expired = token.expiresAt !== null && token.expiresAt.getTime() <= Date.now();
  return {
    id: token.id,
    name: token.name,
    tokenPrefix: token.tokenPrefix,
    userId: token.userId,
    role: token.role,
    status: token.revokedAt ? 'REVOKED' : expired ? 'EXPIRED' : 'ACTIVE',
    createdAt: toIso(token.createdAt),
    lastUsedAt: toIso(token.lastUsedAt),
    expiresAt: toIso(token.expiresAt),
    revokedAt: toIso(token.revokedAt),
  };
}
