import { getEnv } from '@/env';
import { getPrisma } from '../db/get-prisma';
import { hashSecret } from '../crypto/hash-secret';
import { AppError } from '../errors/app-error';
import { apiTokenUse, enforceRateLimit } from '../rate-limit/limiters';
import { readSessionClaims } from '../auth/session-cookie';
import { lowerRole, type Actor } from './actor';
import { checkSameOrigin } from './check-same-origin';
import type { RequestMeta } from './request-meta';

// Writing lastUsedAt on every call would turn each read into a write; a minute is precise enough.
const LAST_USED_PRECISION_MS = 60_000;

/**
 * The caller of a console API request: an API token (`Authorization: Bearer ght_…`) or the
 * signed-in session cookie. Either way the role comes from the membership as it is now, so a
 * demoted or removed member loses access at once.
 */
export async function resolveActor(request: Request, meta: RequestMeta): Promise<Actor> {
  const authorization = request.headers.get('authorization');
  if (authorization !== null) return resolveApiToken(authorization, meta);

  const claims = await readSessionClaims(request);
  if (!claims) {
    throw new AppError(
      'unauthorized',
      'Sign in to the console, or send an API token as Authorization: Bearer ght_…',
    );
  }
  checkSameOrigin(request, getEnv().publicUrl.origin);
  const membership = await getPrisma().membership.findUnique({
    where: {
      organizationId_userId: { organizationId: claims.organizationId, userId: claims.userId },
    },
  });
  if (!membership) {
    throw new AppError('unauthorized', 'You are no longer a member of this organization.');
  }
  return {
    ...claims,
    role: membership.role,
    apiTokenId: null,
    ip: meta.ip,
    userAgent: meta.userAgent,
  };
}

async function resolveApiToken(authorization: string, meta: RequestMeta): Promise<Actor> {
  const match = /^Bearer\s+(ght_[A-Za-z0-9_-]+)$/.exec(authorization.trim());
  if (!match?.[1]) {
    throw new AppError('unauthorized', 'Authorization must be "Bearer ght_…" with an API token.');
  }
  const tokenHash = hashSecret(match[1]);
  enforceRateLimit(apiTokenUse, tokenHash, 'requests with this API token');
  const prisma = getPrisma();
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash },
    include: { membership: true },
  });
  if (!token) throw new AppError('unauthorized', 'This API token is not valid.');
  if (token.revokedAt) throw new AppError('unauthorized', 'This API token has been revoked.');
  const now = Date.now();
  if (token.expiresAt && token.expiresAt.getTime() <= now) {
    throw new AppError('unauthorized', 'This API token has expired; create a new one.');
  }
  if (!token.lastUsedAt || now - token.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date(now) } });
  }
  const role = token.role ? lowerRole(token.role, token.membership.role) : token.membership.role;
  return {
    organizationId: token.organizationId,
    userId: token.userId,
    role,
    apiTokenId: token.id,
    ip: meta.ip,
    userAgent: meta.userAgent,
  };
}
