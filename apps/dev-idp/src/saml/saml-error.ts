/**
 * A SAML message the IdP refuses before it trusts the sender enough to answer it: shown to the
 * person as an error page (never sent to an ACS URL, which may be the attacker's). The message says
 * what was wrong and what to do.
 */
export class SamlRequestError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 405 | 413 | 415 = 400,
  ) {
    super(message);
  }
}
