import type { UserDirectory } from '../users';
import { samlEntityId, type SamlIdp } from './saml-idp';
import { SamlSessionStore } from './saml-sessions';
import type { SamlServiceProvider } from './service-providers';
import type { SamlCredentials } from './signing-credentials';

/** SAML settings of startDevIdp, all in seconds. */
export interface SamlLifetimes {
  /**
   * How long an assertion may be presented: NotOnOrAfter of its Conditions and of its
   * SubjectConfirmationData. Short, since a bearer assertion is only carried to the ACS once.
   */
  responseLifetimeSeconds: number;
  /** How long the IdP session lets a new AuthnRequest through without the password. */
  sessionLifetimeSeconds: number;
}

export const DEFAULT_SAML_LIFETIMES: SamlLifetimes = {
  responseLifetimeSeconds: 5 * 60,
  sessionLifetimeSeconds: 24 * 60 * 60,
};

export function createSamlIdp(options: {
  issuer: string;
  users: UserDirectory;
  serviceProviders: readonly SamlServiceProvider[];
  credentials: SamlCredentials;
  lifetimes: SamlLifetimes;
}): SamlIdp {
  return {
    entityId: samlEntityId(options.issuer),
    issuer: options.issuer,
    credentials: options.credentials,
    serviceProviders: new Map(options.serviceProviders.map((sp) => [sp.entityId, sp])),
    users: options.users,
    sessions: new SamlSessionStore(options.lifetimes.sessionLifetimeSeconds),
    responseLifetimeSeconds: options.lifetimes.responseLifetimeSeconds,
    secureCookies: options.issuer.startsWith('https:'),
  };
}
