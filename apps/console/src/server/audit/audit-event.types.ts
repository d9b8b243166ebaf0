import { z } from 'zod';
import { ZTimestamp } from '../shared/common.types';

export const ZAuditEventQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(64).optional(),
  targetType: z.string().min(1).max(64).optional(),
  targetId: z.string().min(1).max(64).optional(),
});
export type TAuditEventQuery = z.infer<typeof ZAuditEventQuery>;

export const ZAuditEventResponse = z.object({
  id: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  actor: z.object({
    type: z.enum(['USER', 'API_TOKEN', 'SYSTEM']),
    userId: z.string().nullable(),
    email: z.string().nullable(),
    apiTokenId: z.string().nullable(),
    apiTokenName: z.string().nullable(),
  }),
  metadata: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: ZTimestamp,
});
export type TAuditEventResponse = z.infer<typeof ZAuditEventResponse>;

export const ZAuditEventListResponse = z.object({
  auditEvents: z.array(ZAuditEventResponse),
  /** Pass as `cursor` for older events; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TAuditEventListResponse = z.infer<typeof ZAuditEventListResponse>;
