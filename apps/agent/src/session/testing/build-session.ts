import { randomBytes } from 'node:crypto';
import type { Session } from '../session';

/** A session as the callback would create it, for store tests. */
export function buildSession(overrides: Partial<Session> = {}): Session {
  const now = Math.floor(Date.now() / 1000);
  return {
    kind: 'session',
    id: randomBytes(32).toString('base64url'),
    deploymentId: 'dep_demo',
    applicationId: 'app_cvat',
    identity: {
      idpId: 'idp_dev',
      sub: 'dev-user-alice',
      email: 'alice@example.com',
      username: 'alice',
      firstName: null,
      lastName: null,
      groups: ['cvat-admins'],
      claims: {},
    },
    createdAt: now,
    expiresAt: now + 3600,
    lastSeenAt: now,
    idToken: null,
    refreshToken: null,
    refreshAt: null,
    ...overrides,
  };
}
