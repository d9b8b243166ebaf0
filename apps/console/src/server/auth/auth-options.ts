import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getEnv } from '@/env';
import { verifyCredentials } from '../accounts/verify-credentials';
import { AppError } from '../errors/app-error';
import { getPrisma } from '../db/get-prisma';
import { buildOidcProvider, resolveOidcUser } from './oidc-provider';
import { sessionCookieName } from './session-cookie';

const SESSION_MAX_AGE_SECONDS = 12 * 3600;

/**
 * next-auth with JWT sessions: the cookie carries the user id and the active organization; the
 * role is looked up on every request (resolveActor), so role changes apply at once.
 */
export function buildAuthOptions(): AuthOptions {
  const env = getEnv();
  return {
    secret: env.authSecret,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: {
          httpOnly: true,
          sameSite: 'lax',
          path: '/',
          secure: env.publicUrl.protocol === 'https:',
        },
      },
    },
    pages: { signIn: '/sign-in' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'E-mail and password',
        credentials: {
          email: { label: 'E-mail', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, request) {
          const ip = firstHeader(request.headers?.['x-forwarded-for'])?.split(',').at(-1)?.trim();
          try {
            const user = await verifyCredentials(
              { email: credentials?.email, password: credentials?.password },
              ip ?? null,
            );
            return (
              user && {
                id: user.id,
                email: user.email,
                name: user.name,
                organizationId: user.organizationId,
              }
            );
          } catch (error) {
            if (error instanceof AppError) throw new Error(error.message, { cause: error });
            throw error;
          }
        },
      }),
      ...(env.oidc ? [buildOidcProvider(env.oidc)] : []),
    ],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== 'oidc') return true;
        return (await resolveOidcUser(profile)) !== null;
      },
      async jwt({ token, user, account, profile, trigger, session }) {
        if (account?.provider === 'oidc') {
          const resolved = await resolveOidcUser(profile);
          if (resolved)
            Object.assign(token, { sub: resolved.id, organizationId: resolved.organizationId });
        } else if (user && 'organizationId' in user) {
          token.organizationId = user.organizationId;
        }
        if (trigger === 'update') await switchOrganization(token, session);
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub, organizationId: token.organizationId };
      },
    },
  };
}

/** `useSession().update({ organizationId })` moves the session to another of your organizations. */
async function switchOrganization(token: Record<string, unknown>, session: unknown): Promise<void> {
  const wanted = (session as { organizationId?: unknown } | undefined)?.organizationId;
  if (typeof wanted !== 'string' || typeof token.sub !== 'string') return;
  const membership = await getPrisma().membership.findUnique({
    where: { organizationId_userId: { organizationId: wanted, userId: token.sub } },
  });
  if (membership) token.organizationId = wanted;
}

function firstHeader(value: unknown): string | undefined {
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
  return typeof value === 'string' ? value : undefined;
}
