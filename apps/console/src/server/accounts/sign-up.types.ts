import { z } from 'zod';
import {
  ZEmail,
  ZMembershipRole,
  ZOrganizationName,
  ZOrganizationResponse,
  ZPassword,
  ZUserResponse,
} from './account.types';

export const ZSignUpRequest = z.object({
  email: ZEmail,
  password: ZPassword,
  name: z.string().trim().min(1).max(200).optional(),
  organizationName: ZOrganizationName,
});
export type TSignUpRequest = z.infer<typeof ZSignUpRequest>;

export const ZSignUpResponse = z.object({
  user: ZUserResponse,
  organization: ZOrganizationResponse,
  role: ZMembershipRole,
});
export type TSignUpResponse = z.infer<typeof ZSignUpResponse>;
