import { z } from 'zod';
import { ZTimestamp } from '../shared/common.types';
import {
  ZEmail,
  ZMembershipRole,
  ZOrganizationResponse,
  ZPassword,
  ZUserResponse,
} from './account.types';

export const ZInvitationResponse = z.object({
  id: z.string(),
  email: z.string(),
  role: ZMembershipRole,
  status: z.enum(['PENDING', 'ACCEPTED', 'EXPIRED']),
  invitedById: z.string(),
  createdAt: ZTimestamp,
  expiresAt: ZTimestamp,
  acceptedAt: ZTimestamp.nullable(),
});
export type TInvitationResponse = z.infer<typeof ZInvitationResponse>;

export const ZInvitationListResponse = z.object({ invitations: z.array(ZInvitationResponse) });
export type TInvitationListResponse = z.infer<typeof ZInvitationListResponse>;

export const ZCreateInvitationRequest = z.object({
  email: ZEmail,
  /** Owners invite admins and viewers; ownership is granted later by changing a member's role. */
  role: z.enum(['ADMIN', 'VIEWER']),
});
export type TCreateInvitationRequest = z.infer<typeof ZCreateInvitationRequest>;

export const ZCreateInvitationResponse = ZInvitationResponse.extend({
  /** Shown this once; send it to the invitee. Only its hash is stored. */
  token: z.string(),
  acceptUrl: z.string(),
});
export type TCreateInvitationResponse = z.infer<typeof ZCreateInvitationResponse>;

export const ZAcceptInvitationRequest = z.object({
  token: z.string().regex(/^ghi_[\w-]+$/, 'must be an invitation token (ghi_…)'),
  /** A new account's password, or the existing account's password to prove it is yours. */
  password: ZPassword,
  name: z.string().trim().min(1).max(200).optional(),
});
export type TAcceptInvitationRequest = z.infer<typeof ZAcceptInvitationRequest>;

export const ZAcceptInvitationResponse = z.object({
  user: ZUserResponse,
  organization: ZOrganizationResponse,
  role: ZMembershipRole,
});
export type TAcceptInvitationResponse = z.infer<typeof ZAcceptInvitationResponse>;
