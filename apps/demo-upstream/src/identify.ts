// Decides who a request is, in CVAT's order: on /api/* its own API credentials first, then the
// header sign-in (X-Email, X-Groups), else anonymous.
import { checkApiCredentials, type ApiUserDirectory } from './api-auth';
import { parseGroupsHeader, type Role } from './roles';
import type { UserStore } from './users';

export type Identity =
  | { kind: 'anonymous' }
  | {
      kind: 'signed-in';
      authenticatedBy: 'header' | 'basic' | 'token';
      /** Header users are keyed by email, which is also their username (as in CVAT). */
      username: string;
      email: string | null;
      role: Role | null;
      groups: Role[];
    };

export type IdentifyOutcome =
  { ok: true; identity: Identity } | { ok: false; status: 400 | 401; detail: string };

export interface IdentifyInput {
  /** Node's `headersDistinct`: lower-cased names, every value kept, so duplicates are visible. */
  headers: Record<string, string[] | undefined>;
  acceptsApiCredentials: boolean;
}

export interface IdentifyDependencies {
  users: UserStore;
  apiUsers: ApiUserDirectory;
}

const IDENTITY_HEADERS = ['Authorization', 'X-Email', 'X-Groups'] as const;

export function identifyRequest(
  { headers, acceptsApiCredentials }: IdentifyInput,
  { users, apiUsers }: IdentifyDependencies,
): IdentifyOutcome {
  // A second copy of an identity header means something upstream of us (the agent's strip step)
  // let a client's copy through. Picking one copy would hide that, so the request is refused.
  for (const name of IDENTITY_HEADERS) {
    const count = headers[name.toLowerCase()]?.length ?? 0;
    if (count > 1) {
      return { ok: false, status: 400, detail: `${name} was sent ${count} times; send it once.` };
    }
  }

  if (acceptsApiCredentials) {
    const check = checkApiCredentials(headers.authorization?.[0], apiUsers);
    if (check.outcome === 'invalid') return { ok: false, status: 401, detail: check.detail };
    if (check.outcome === 'valid') {
      const { user, scheme } = check;
      return {
        ok: true,
        identity: {
          kind: 'signed-in',
          authenticatedBy: scheme,
          username: user.username,
          email: user.email,
          role: user.role,
          groups: user.role === null ? [] : [user.role],
        },
      };
    }
  }

  const email = headers['x-email']?.[0]?.trim() ?? '';
  if (email === '') return { ok: true, identity: { kind: 'anonymous' } };
  // What a proxy makes of two copies when it folds them into one field (RFC 9110 §5.3).
  if (email.includes(',')) {
    return { ok: false, status: 400, detail: 'X-Email holds a comma-joined list; send one email.' };
  }
  const { user } = users.recordHeaderSignIn(email, parseGroupsHeader(headers['x-groups']?.[0]));
  return {
    ok: true,
    identity: {
      kind: 'signed-in',
      authenticatedBy: 'header',
      username: email,
      email,
      role: user.role,
      groups: user.groups,
    },
  };
}
