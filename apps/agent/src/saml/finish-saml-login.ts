import { randomBytes } from 'node:crypto';
import { SamlStatusError, type Profile } from '@node-saml/node-saml';
import type { TApplicationConfig } from '@gatehouse/contract';
import { SignInRejectedError } from '../pipeline/complete-sign-in';
import type { Session } from '../session/session';
import { checkResponse } from './check-response';
import { createSamlClient } from './create-saml-client';
import { readSamlIdentity } from './read-saml-identity';
import type { SamlReplayCache } from './replay-cache';
import { SAML_REQUEST_SECONDS, type SamlRequestState } from './request-state';
import type { SamlIdp } from './saml-idp';
import { readVerifiedAssertion } from './verified-assertion';

/** The IdP answered, but not with a sign-in we can accept; the message says why. */
export class SamlLoginRejectedError extends SignInRejectedError {
  override name = 'SamlLoginRejectedError';
}

export interface FinishSamlLoginInput {
  saml: SamlIdp;
  requestState: SamlRequestState;
  /** The SAMLResponse form field as posted (base64). */
  samlResponse: string;
  app: TApplicationConfig;
  deploymentId: string;
  replayCache: SamlReplayCache;
  nowMs: number;
}

/**
 * The ACS's work: node-saml checks the XML signatures (response and/or assertion as configured,
 * refusing wrapped or multiple assertions), audience, InResponseTo and the Conditions' time
 * window; checkResponse adds what node-saml does not check; the replay cache makes the assertion
 * single use. Only then does the verified assertion become a session.
 */
export async function finishSamlLogin(input: FinishSamlLoginInput): Promise<Session> {
  const { saml, requestState, nowMs } = input;
  const client = await createSamlClient(saml, {
    request: { id: requestState.requestId, issuedAt: requestState.issuedAt },
    requestLifetimeSeconds: SAML_REQUEST_SECONDS,
  });
  let profile: Profile | null;
  try {
    ({ profile } = await client.validatePostResponseAsync({ SAMLResponse: input.samlResponse }));
  } catch (error) {
    throw new SamlLoginRejectedError(describeRefusal(error), { cause: error });
  }
  const assertion = profile ? readVerifiedAssertion(profile) : null;
  if (!profile || !assertion) {
    throw new SamlLoginRejectedError('the identity provider sent no assertion');
  }
  const checked = checkResponse({
    responseXml: Buffer.from(input.samlResponse, 'base64').toString('utf8'),
    assertion,
    idp: saml.idp,
    sp: saml.sp,
    requestId: requestState.requestId,
    nowMs,
  });
  if (!checked.ok) throw new SamlLoginRejectedError(checked.problem);

  // Past the request state's expiry no replay can pass the InResponseTo check anyway, so the
  // replay cache need not remember an assertion longer than that, however long the IdP allows.
  const rememberUntil = Math.min(checked.deliverableUntilMs, requestState.expiresAt * 1000);
  const replayKey = `${saml.idp.entityId}\n${checked.assertionId}`;
  if (!(await input.replayCache.remember(replayKey, rememberUntil, nowMs))) {
    throw new SamlLoginRejectedError('this assertion was already used to sign in (a replay)');
  }

  let identity: Session['identity'];
  try {
    identity = readSamlIdentity(saml.idp, profile);
  } catch (error) {
    throw new SamlLoginRejectedError((error as Error).message, { cause: error });
  }
  const nowSeconds = Math.floor(nowMs / 1000);
  const sessionEnd = Date.parse(assertion.sessionNotOnOrAfter ?? '');
  const maxAge = nowSeconds + input.app.session.maxAgeSeconds;
  return {
    kind: 'session',
    id: randomBytes(32).toString('base64url'),
    deploymentId: input.deploymentId,
    applicationId: input.app.id,
    identity,
    createdAt: nowSeconds,
    // The IdP may cap the session (AuthnStatement SessionNotOnOrAfter, saml-core-2.0-os §2.7.2).
    expiresAt: Number.isNaN(sessionEnd) ? maxAge : Math.min(maxAge, Math.floor(sessionEnd / 1000)),
    lastSeenAt: nowSeconds,
    idToken: null,
    refreshToken: null,
    refreshAt: null,
    saml: {
      nameId: identity.sub,
      nameIdFormat: typeof profile.nameIDFormat === 'string' ? profile.nameIDFormat : null,
      nameQualifier: profile.nameQualifier ?? null,
      spNameQualifier: profile.spNameQualifier ?? null,
      sessionIndex: assertion.sessionIndex,
    },
  };
}

function describeRefusal(error: unknown): string {
  if (error instanceof SamlStatusError) {
    return `the identity provider answered with an error (${error.message.replace(/^SAML provider returned /, '')})`;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/signature/i.test(message)) {
    return `its signature could not be verified with the configured certificates (${message})`;
  }
  return message;
}
