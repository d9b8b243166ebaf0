import { z } from 'zod';
import { ZFutureTimestamp, ZTimestamp } from '../shared/common.types';
import { ZMembershipRole } from './account.types';

export const ZApiTokenResponse = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the token, to tell tokens apart; never the token. */
  tokenPrefix: z.string(),
  userId: z.string(),
  /** Null: the token acts with its creator's current role. */
  role: ZMembershipRole.nullable(),
  status: z.enum(['ACTIVE', 'EXPIRED', 'REVOKED']),
  createdAt: ZTimestamp,
  lastUsedAt: ZTimestamp.nullable(),
  expiresAt: ZTimestamp.nullable(),
  revokedAt: ZTimestamp.nullable(),
});
export type TApiTokenResponse = z.infer<typeof ZApiTokenResponse>;

export const ZApiTokenListResponse = z.object({ apiTokens: z.array(ZApiTokenResponse) });
export type TApiTokenListResponse = z.infer<typeof ZApiTokenListResponse>;

export const ZCreateApiTokenRequest = z.object({
  name: z.string().trim().min(1).max(200),
  expiresAt: ZFutureTimestamp.optional(),
  /** Limit the token below your own role, e.g. a read-only token for a dashboard. */
  role: ZMembershipRole.optional(),
});
export type TCreateApiTokenRequest = z.infer<typeof ZCreateApiTokenRequest>;

export const ZCreateApiTokenResponse = ZApiTokenResponse.extend({
  /** Shown this once; only its hash is stored. */
  token: z.string(),
});
export type TCreateApiTokenResponse = z.infer<typeof ZCreateApiTokenResponse>;
