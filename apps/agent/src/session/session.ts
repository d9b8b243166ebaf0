import { z } from 'zod';
import type { Identity } from './identity';

const ZIdentity = z.object({
  idpId: z.string(),
  sub: z.string(),
  email: z.string().nullable(),
  username: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  groups: z.array(z.string()),
  claims: z.record(z.string(), z.unknown()),
});

/**
 * A signed-in user's session, as stored (encrypted) in the cookie or in Redis. Times are epoch
 * seconds. `deploymentId` and `applicationId` bind it: every agent of a deployment shares the
 * keys, so without them a session of one application would open every other.
 */
export const ZSession = z.object({
  kind: z.literal('session'),
  id: z.string().min(16),
  deploymentId: z.string(),
  applicationId: z.string(),
  identity: ZIdentity,
  createdAt: z.number(),
  expiresAt: z.number(),
  lastSeenAt: z.number(),
  idToken: z.string().nullable(),
  refreshToken: z.string().nullable(),
  /** When to refresh the IdP's tokens (before the access token expires); null: never. */
  refreshAt: z.number().nullable(),
  /** SAML sign-ins: what a LogoutRequest must name to end the IdP's session (single sign-out). */
  saml: z
    .object({
      nameId: z.string(),
      nameIdFormat: z.string().nullable(),
      nameQualifier: z.string().nullable(),
      spNameQualifier: z.string().nullable(),
      sessionIndex: z.string().nullable(),
    })
    .nullable()
    .optional(),
});
export type Session = Omit<z.infer<typeof ZSession>, 'identity'> & { identity: Identity };

export interface SessionTimes {
  maxAgeSeconds: number;
  idleTimeoutSeconds: number;
}

/** When a session stops being usable: its lifetime's end or its idle timeout, whichever is first. */
export function findSessionEnd(session: Session, times: SessionTimes): number {
  return Math.min(session.expiresAt, session.lastSeenAt + times.idleTimeoutSeconds);
}

/**
 * How often a busy session records activity (a new cookie or a Redis write). Re-encrypting on
 * every request would put WebCrypto on the hot path; idle timeout is enforced within this slack.
 */
export function findTouchInterval(times: SessionTimes): number {
  return Math.max(1, Math.min(60, Math.floor(times.idleTimeoutSeconds / 10)));
}
