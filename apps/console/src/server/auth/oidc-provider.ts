import type { Profile } from 'next-auth';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import type { ConsoleEnv } from '@/env';
import { getPrisma } from '../db/get-prisma';

interface OidcProfile extends Profile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/** "Sign in with …" for the console itself, from GATEHOUSE_OIDC_*: code flow with PKCE and state. */
export function buildOidcProvider(oidc: NonNullable<ConsoleEnv['oidc']>): OAuthConfig<OidcProfile> {
  return {
    id: 'oidc',
    name: oidc.name,
    type: 'oauth',
    wellKnown: `${oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    profile(profile) {
      return {
        id: profile.sub,
        email: profile.email?.toLowerCase() ?? null,
        name: profile.name ?? null,
      };
    },
  };
}

/**
 * The console user an OIDC sign-in belongs to: matched by verified e-mail to an existing member.
 * Nobody gets an account or an organization just by holding an identity at the IdP (which may be
 * a public one such as Google); they sign up or are invited first.
 */
export async function resolveOidcUser(
  profile: Profile | undefined,
): Promise<{ id: string; organizationId: string } | null> {
  const claims = profile as OidcProfile | undefined;
  if (!claims?.email || claims.email_verified === false) return null;
  const user = await getPrisma().user.findUnique({
    where: { email: claims.email.toLowerCase() },
    include: { memberships: { orderBy: { createdAt: 'asc' }, take: 1 } },
  });
  const organizationId = user?.memberships[0]?.organizationId;
  return user && organizationId ? { id: user.id, organizationId } : null;
}
