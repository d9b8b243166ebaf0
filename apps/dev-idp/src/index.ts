export {
  startDevIdp,
  type DevIdp,
  type DevIdpSaml,
  type StartDevIdpOptions,
  type StartSamlOptions,
} from './server';
export { DEFAULT_CLIENTS, type DevClientInput } from './clients';
export { DEFAULT_USERS_FILE, type DevUserInput } from './users';
export type { TokenLifetimes } from './provider';
export {
  DEFAULT_SAML_SERVICE_PROVIDERS,
  type SamlServiceProviderInput,
} from './saml/service-providers';
export type { SamlCredentials } from './saml/signing-credentials';
