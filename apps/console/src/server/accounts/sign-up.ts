import { runInTransaction } from '@gatehouse/db';
import type { RequestMeta } from '../api/request-meta';
import { hashPassword } from '../crypto/password-hash';
import { getPrisma } from '../db/get-prisma';
import { AppError } from '../errors/app-error';
import { enforceRateLimit, signUpByAddress } from '../rate-limit/limiters';
import { createOrganizationWithOwner } from './create-organization-with-owner';
import type { TSignUpRequest, TSignUpResponse } from './sign-up.types';

/** Self-registration: a new user and a new organization, whose owner the user becomes. */
export async function signUp(input: TSignUpRequest, meta: RequestMeta): Promise<TSignUpResponse> {
  enforceRateLimit(signUpByAddress, meta.ip ?? 'unknown', 'sign-ups from this address');
  const prisma = getPrisma();
  const existing = await prisma.user.findUnique({ where: { email: input.email } });
  if (existing) {
    throw new AppError('conflict', 'An account with this e-mail already exists; sign in instead.', {
      issues: [{ path: 'email', message: 'already registered' }],
    });
  }
  const passwordHash = await hashPassword(input.password);
  const { user, organization } = await runInTransaction(prisma, (tx) =>
    createOrganizationWithOwner(
      tx,
      { email: input.email, name: input.name ?? null, passwordHash },
      input.organizationName,
      meta,
    ),
  );
  return {
    user: { id: user.id, email: user.email, name: user.name },
    organization,
    role: 'OWNER',
  };
}
