/**
 * The IdP answered, but not with a sign-in we can accept; the message says why. A file of its
 * own so the ACS endpoint can recognise it without loading node-saml, which is imported only
 * when a SAML sign-in actually happens (see create-saml-client.ts).
 */
export class SamlLoginRejectedError extends Error {
  override name = 'SamlLoginRejectedError';
}
