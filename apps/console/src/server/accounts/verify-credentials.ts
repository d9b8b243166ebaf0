import { verifyAgainstDummy, verifyPassword } from '../crypto/password-hash';
import { getPrisma } from '../db/get-prisma';
import { enforceRateLimit, signInByAddress, signInByEmail } from '../rate-limit/limiters';
import { ZEmail } from './account.types';

export interface VerifiedUser {
  id: string;
  email: string;
  name: string | null;
  /** The organization the session starts in: the oldest membership. */
  organizationId: string;
}

/**
 * Checks an e-mail and password for sign-in. Returns null for every failure alike (unknown
 * e-mail, wrong password, no organization), so the answer reveals nothing; throws AppError
 * `rate_limited` when this address or account has tried too often.
 */
export async function verifyCredentials(
  input: { email: unknown; password: unknown },
  ip: string | null,
): Promise<VerifiedUser | null> {
  const email = ZEmail.safeParse(input.email);
  if (!email.success || typeof input.password !== 'string') return null;
  enforceRateLimit(signInByAddress, `${ip ?? 'unknown'}|${email.data}`, 'sign-in attempts');
  enforceRateLimit(signInByEmail, email.data, 'sign-in attempts for this account');

  const user = await getPrisma().user.findUnique({
    where: { email: email.data },
    omit: { passwordHash: false },
    include: { memberships: { orderBy: { createdAt: 'asc' }, take: 1 } },
  });
  if (!user?.passwordHash) return verifyAgainstDummy(input.password).then(() => null);
  if (!(await verifyPassword(input.password, user.passwordHash))) return null;
  const organizationId = user.memberships[0]?.organizationId;
  if (!organizationId) return null;
  return { id: user.id, email: user.email, name: user.name, organizationId };
}
