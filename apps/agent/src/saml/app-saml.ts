import type { AppRuntime } from '../pipeline/context';
import { isSamlIdp, type SamlIdp } from './saml-idp';
import type { SamlRequestCookies } from './request-state';
import type { SamlLogoutContext } from './single-logout';

/** The SAML IdPs the application offers, by id, in the configured order. */
export function listSamlIdps(app: AppRuntime): ReadonlyMap<string, SamlIdp> {
  const found = new Map<string, SamlIdp>();
  for (const [id, bound] of app.idps) if (isSamlIdp(bound)) found.set(id, bound);
  return found;
}

export function samlRequestCookies(app: AppRuntime): SamlRequestCookies {
  return { cookieBase: app.cookieBase, acsPath: `${app.prefix}/saml/acs`, secure: app.secure };
}

export function samlLogoutContext(app: AppRuntime): SamlLogoutContext {
  return {
    keyring: app.keyring,
    deploymentId: app.deploymentId,
    applicationId: app.config.id,
    cookieBase: app.cookieBase,
    sloPath: `${app.prefix}/saml/slo`,
    secure: app.secure,
  };
}
