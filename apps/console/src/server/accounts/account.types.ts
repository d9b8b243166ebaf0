import { z } from 'zod';

/** E-mail addresses are lower-cased before every write and lookup (the database does not). */
export const ZEmail = z
  .string()
  .trim()
  .max(320)
  .pipe(z.email('must be an e-mail address'))
  .transform((email) => email.toLowerCase());

export const ZPassword = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(200, 'must be at most 200 characters');

export const ZMembershipRole = z.enum(['OWNER', 'ADMIN', 'VIEWER']);

export const ZUserResponse = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
});

export const ZOrganizationResponse = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
});

export const ZOrganizationName = z.string().trim().min(1).max(200);
