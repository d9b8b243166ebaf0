import * as oidc from 'openid-client';
import type { TIdentityProviderConfig, TOidcIdentityProviderConfig } from '@gatehouse/contract';
import type { Logger } from '../observability/logger';

/** The IdP could not be discovered or did not answer: a 502 page names it. */
export class IdpUnreachableError extends Error {
  override name = 'IdpUnreachableError';
  constructor(
    readonly idpName: string,
    cause: unknown,
  ) {
    super(`The identity provider "${idpName}" did not answer: ${(cause as Error).message}`, {
      cause,
    });
  }
}

export interface IdpClient {
  readonly idp: TOidcIdentityProviderConfig;
  /** The discovered configuration; discovered once, lazily, and again after a failure. */
  discover(): Promise<oidc.Configuration>;
}

// ID tokens from an IdP whose clock is a little off are still accepted (OpenID Connect Core §3.1.3.7).
const CLOCK_TOLERANCE_SECONDS = 60;
const DISCOVERY_TIMEOUT_SECONDS = 10;

/**
 * Keeps one discovered configuration per IdP across configuration versions, so applying a new
 * version (which happens on every console edit) does not send every agent back to the IdP's
 * discovery endpoint. Keyed by everything that goes into the configuration.
 */
export function createIdpDirectory(logger: Logger) {
  const clients = new Map<string, IdpClient>();
  return {
    clientFor(idp: TOidcIdentityProviderConfig): IdpClient {
      const key = JSON.stringify([idp.issuer, idp.clientId, idp.clientSecret]);
      let client = clients.get(key);
      if (client === undefined) {
        client = createIdpClient(idp, logger);
        clients.set(key, client);
      }
      // Claims and scopes may change without a new discovery: hand out the current settings.
      const shared = client;
      return { idp, discover: () => shared.discover() };
    },
    /** Forgets IdPs no longer configured. */
    retainOnly(idps: readonly TIdentityProviderConfig[]): void {
      const keep = new Set(
        idps.flatMap((idp) =>
          idp.protocol === 'OIDC'
            ? [JSON.stringify([idp.issuer, idp.clientId, idp.clientSecret])]
            : [],
        ),
      );
      for (const key of clients.keys()) if (!keep.has(key)) clients.delete(key);
    },
  };
}
export type IdpDirectory = ReturnType<typeof createIdpDirectory>;

function createIdpClient(idp: TOidcIdentityProviderConfig, logger: Logger): IdpClient {
  let discovered: Promise<oidc.Configuration> | null = null;
  return {
    idp,
    discover() {
      // A failed discovery is not remembered: the next sign-in tries again.
      discovered ??= discoverIdp(idp, logger).catch((error: unknown) => {
        discovered = null;
        throw new IdpUnreachableError(idp.name, error);
      });
      return discovered;
    },
  };
}

async function discoverIdp(
  idp: TOidcIdentityProviderConfig,
  logger: Logger,
): Promise<oidc.Configuration> {
  const issuer = new URL(idp.issuer);
  // openid-client refuses plain http unless told loudly; an admin who configured an http issuer
  // (a dev IdP, an in-cluster Keycloak) made that choice, and we log it.
  const insecure = issuer.protocol === 'http:';
  if (insecure)
    logger.warn({ idp: idp.name, issuer: idp.issuer }, 'identity provider uses plain http');
  const execute = insecure ? [oidc.allowInsecureRequests] : [];
  const metadata = {
    client_secret: idp.clientSecret,
    [oidc.clockTolerance]: CLOCK_TOLERANCE_SECONDS,
  };
  const config = await oidc.discovery(
    issuer,
    idp.clientId,
    metadata,
    oidc.ClientSecretBasic(idp.clientSecret),
    {
      execute,
      timeout: DISCOVERY_TIMEOUT_SECONDS,
    },
  );
  // RFC 6749 §2.3.1 makes Basic the default; use POST only for an IdP that says it lacks Basic.
  const methods = config.serverMetadata().token_endpoint_auth_methods_supported;
  if (
    methods &&
    !methods.includes('client_secret_basic') &&
    methods.includes('client_secret_post')
  ) {
    const postConfig = new oidc.Configuration(
      config.serverMetadata(),
      idp.clientId,
      metadata,
      oidc.ClientSecretPost(idp.clientSecret),
    );
    if (insecure) oidc.allowInsecureRequests(postConfig);
    return verifyIdTokenSignatures(postConfig);
  }
  return verifyIdTokenSignatures(config);
}

/**
 * openid-client trusts an ID token from the token endpoint on the strength of TLS alone
 * (OpenID Connect Core §3.1.3.7 point 6) and skips its signature. Plain-http issuers are allowed
 * (in-cluster Keycloak), where nothing else vouches for the token, so the signature is always
 * checked against the IdP's published keys: a token signed with another key, or with a
 * signature taken from another token, is refused (test/security/id-tokens.test.ts).
 */
function verifyIdTokenSignatures(config: oidc.Configuration): oidc.Configuration {
  if (config.serverMetadata().jwks_uri) oidc.enableNonRepudiationChecks(config);
  return config;
}
