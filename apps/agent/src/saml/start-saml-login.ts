import { randomBytes } from 'node:crypto';
import type { SessionKeyring } from '../session/session-keyring';
import { createSamlClient } from './create-saml-client';
import {
  SAML_REQUEST_SECONDS,
  sealSamlRequestState,
  type SamlRequestCookies,
} from './request-state';
import type { SamlIdp } from './saml-idp';

export interface StartSamlLoginInput {
  saml: SamlIdp;
  keyring: SessionKeyring;
  deploymentId: string;
  applicationId: string;
  /** Already checked to be on the application's origin. */
  returnTo: string;
  cookies: SamlRequestCookies;
  nowSeconds: number;
}

/**
 * SP-initiated Web Browser SSO (saml-profiles-2.0-os §4.1): an AuthnRequest by HTTP-Redirect. Its
 * ID goes into an encrypted cookie so the response must answer this very request (InResponseTo);
 * RelayState is an opaque random handle naming that cookie, never a URL the IdP could change.
 */
export async function startSamlLogin(
  input: StartSamlLoginInput,
): Promise<{ location: string; cookie: string }> {
  const request = {
    id: `_${randomBytes(20).toString('hex')}`,
    issuedAt: new Date(input.nowSeconds * 1000).toISOString(),
  };
  const relayState = randomBytes(24).toString('base64url');
  const client = await createSamlClient(input.saml, {
    request,
    requestLifetimeSeconds: SAML_REQUEST_SECONDS,
  });
  const location = await client.getAuthorizeUrlAsync(relayState, undefined, {});
  const cookie = await sealSamlRequestState(
    input.keyring,
    {
      kind: 'saml-request',
      deploymentId: input.deploymentId,
      applicationId: input.applicationId,
      idpId: input.saml.idp.id,
      relayState,
      requestId: request.id,
      issuedAt: request.issuedAt,
      returnTo: input.returnTo,
      expiresAt: input.nowSeconds + SAML_REQUEST_SECONDS,
    },
    input.cookies,
  );
  return { location, cookie };
}
