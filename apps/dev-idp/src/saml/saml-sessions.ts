// In-memory SAML state, like oidc-provider's default adapter: IdP sessions (who is signed in, and
// which service providers were told so, for logout) and sign-ins waiting for the login form.
import { randomBytes } from 'node:crypto';

import type { AuthnRequest } from './read-authn-request';
import type { SamlServiceProvider } from './service-providers';
import { generateSamlId } from './saml-id';

export interface SamlParticipant {
  sessionIndex: string;
  nameId: string;
}

export interface SamlSession {
  id: string;
  sub: string;
  authnInstant: Date;
  expiresAt: Date;
  /** Service providers that received an assertion in this session, by entity ID. */
  participants: Map<string, SamlParticipant>;
}

export interface PendingSignIn {
  id: string;
  request: AuthnRequest;
  sp: SamlServiceProvider;
  relayState: string | undefined;
  expiresAt: number;
}

// Long enough to type a password, short enough that an abandoned tab's request goes away.
const PENDING_SIGN_IN_MS = 30 * 60 * 1000;

export class SamlSessionStore {
  readonly #sessions = new Map<string, SamlSession>();
  readonly #pending = new Map<string, PendingSignIn>();

  constructor(private readonly sessionLifetimeSeconds: number) {}

  createSession(sub: string): SamlSession {
    this.#prune();
    const now = Date.now();
    const session: SamlSession = {
      // The cookie value: 256 random bits, so it cannot be guessed and needs no signature.
      id: randomBytes(32).toString('base64url'),
      sub,
      authnInstant: new Date(now),
      expiresAt: new Date(now + this.sessionLifetimeSeconds * 1000),
      participants: new Map(),
    };
    this.#sessions.set(session.id, session);
    return session;
  }

  findSession(id: string | undefined): SamlSession | undefined {
    const session = id === undefined ? undefined : this.#sessions.get(id);
    if (session && session.expiresAt.getTime() <= Date.now()) {
      this.#sessions.delete(session.id);
      return undefined;
    }
    return session;
  }

  /** The participant record for `entityId`, created with a fresh SessionIndex on first use. */
  joinSession(session: SamlSession, entityId: string, nameId: string): SamlParticipant {
    const existing = session.participants.get(entityId);
    if (existing?.nameId === nameId) {
      return existing;
    }
    const participant = { sessionIndex: generateSamlId(), nameId };
    session.participants.set(entityId, participant);
    return participant;
  }

  /** Sessions in which `entityId` knows the user as `nameId` under one of `sessionIndexes`. */
  findBySessionIndex(entityId: string, nameId: string, sessionIndexes: readonly string[]) {
    return [...this.#sessions.values()].filter((session) => {
      const participant = session.participants.get(entityId);
      return participant?.nameId === nameId && sessionIndexes.includes(participant.sessionIndex);
    });
  }

  endSession(id: string): void {
    this.#sessions.delete(id);
  }

  savePendingSignIn(input: Omit<PendingSignIn, 'id' | 'expiresAt'>): PendingSignIn {
    this.#prune();
    const pending = {
      ...input,
      id: randomBytes(18).toString('base64url'),
      expiresAt: Date.now() + PENDING_SIGN_IN_MS,
    };
    this.#pending.set(pending.id, pending);
    return pending;
  }

  findPendingSignIn(id: string): PendingSignIn | undefined {
    const pending = this.#pending.get(id);
    return pending && pending.expiresAt > Date.now() ? pending : undefined;
  }

  endPendingSignIn(id: string): void {
    this.#pending.delete(id);
  }

  #prune(): void {
    const now = Date.now();
    for (const [id, session] of this.#sessions) {
      if (session.expiresAt.getTime() <= now) this.#sessions.delete(id);
    }
    for (const [id, pending] of this.#pending) {
      if (pending.expiresAt <= now) this.#pending.delete(id);
    }
  }
}
