import { z } from 'zod';
import { ZFutureTimestamp, ZTimestamp } from '../shared/common.types';

export const ZProvisioningKeyResponse = z.object({
  id: z.string(),
  deploymentId: z.string(),
  name: z.string(),
  /** The public half (`ghk_…`), the Basic-auth user name agents send. */
  key: z.string(),
  /** The first characters of the secret, to tell keys apart; never the secret. */
  secretPrefix: z.string(),
  status: z.enum(['ACTIVE', 'EXPIRED', 'REVOKED']),
  expiresAt: ZTimestamp.nullable(),
  revokedAt: ZTimestamp.nullable(),
  lastUsedAt: ZTimestamp.nullable(),
  createdAt: ZTimestamp,
});
export type TProvisioningKeyResponse = z.infer<typeof ZProvisioningKeyResponse>;

export const ZProvisioningKeyListResponse = z.object({
  provisioningKeys: z.array(ZProvisioningKeyResponse),
});
export type TProvisioningKeyListResponse = z.infer<typeof ZProvisioningKeyListResponse>;

export const ZCreateProvisioningKeyRequest = z.object({
  name: z.string().trim().min(1).max(200),
  expiresAt: ZFutureTimestamp.optional(),
});
export type TCreateProvisioningKeyRequest = z.infer<typeof ZCreateProvisioningKeyRequest>;

export const ZCreateProvisioningKeyResponse = ZProvisioningKeyResponse.extend({
  /** Shown this once (`ghs_…`); only its hash is stored. */
  secret: z.string(),
});
export type TCreateProvisioningKeyResponse = z.infer<typeof ZCreateProvisioningKeyResponse>;
