import { z } from 'zod';
import { ZTimestamp } from '../shared/common.types';
import { ZMembershipRole, ZOrganizationResponse, ZUserResponse } from './account.types';

export const ZMemberResponse = z.object({
  id: z.string(),
  userId: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: ZMembershipRole,
  createdAt: ZTimestamp,
});
export type TMemberResponse = z.infer<typeof ZMemberResponse>;

export const ZMemberListResponse = z.object({ members: z.array(ZMemberResponse) });
export type TMemberListResponse = z.infer<typeof ZMemberListResponse>;

export const ZUpdateMemberRequest = z.object({ role: ZMembershipRole });
export type TUpdateMemberRequest = z.infer<typeof ZUpdateMemberRequest>;

export const ZCurrentMemberResponse = z.object({
  user: ZUserResponse,
  organization: ZOrganizationResponse,
  role: ZMembershipRole,
  /** Set when the call was made with an API token. */
  apiTokenId: z.string().nullable(),
});
export type TCurrentMemberResponse = z.infer<typeof ZCurrentMemberResponse>;
