// What every SAML endpoint needs, built once in startDevIdp.
import type { IncomingMessage } from 'node:http';

import type { UserDirectory } from '../users';
import type { SamlSessionStore } from './saml-sessions';
import type { SamlServiceProvider } from './service-providers';
import type { SamlCredentials } from './signing-credentials';

export const SAML_PREFIX = '/saml';

export interface SamlIdp {
  /** `<issuer>/saml/metadata`: fixed, like the OIDC issuer, whatever Host a request names. */
  entityId: string;
  issuer: string;
  credentials: SamlCredentials;
  serviceProviders: ReadonlyMap<string, SamlServiceProvider>;
  users: UserDirectory;
  sessions: SamlSessionStore;
  responseLifetimeSeconds: number;
  secureCookies: boolean;
}

export function samlEntityId(issuer: string): string {
  return `${issuer}${SAML_PREFIX}/metadata`;
}

/**
 * Endpoint URLs follow the request's Host, as oidc-provider's discovery does, so a container can
 * reach the IdP by its service name while a browser uses localhost; the entity ID stays fixed.
 */
export function samlEndpoints(idp: SamlIdp, req: IncomingMessage) {
  const issuer = new URL(idp.issuer);
  const host = req.headers.host ?? issuer.host;
  const origin = `${issuer.protocol}//${host}`;
  return {
    origin,
    metadataUrl: `${origin}${SAML_PREFIX}/metadata`,
    ssoUrl: `${origin}${SAML_PREFIX}/sso`,
    sloUrl: `${origin}${SAML_PREFIX}/slo`,
  };
}

/**
 * A request's Destination (saml-core §3.2.1) must name this endpoint: under the issuer's origin or
 * the origin the request reached. Absent is allowed for unsigned requests by the same section.
 */
export function isOwnEndpoint(
  idp: SamlIdp,
  req: IncomingMessage,
  destination: string | undefined,
  path: string,
): boolean {
  if (destination === undefined) {
    return true;
  }
  const origins = [new URL(idp.issuer).origin, samlEndpoints(idp, req).origin];
  return origins.some((origin) => destination === `${origin}${SAML_PREFIX}${path}`);
}
