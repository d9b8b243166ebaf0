// startDevIdp: one HTTP server carrying our sign-in pages, oidc-provider's endpoints and the SAML
// 2.0 IdP under /saml.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { loadClients, parseClients, type DevClientInput } from './clients';
import { createInteractionHandler } from './interactions';
import { createProvider, DEFAULT_LIFETIMES, type TokenLifetimes } from './provider';
import { createSamlIdp, DEFAULT_SAML_LIFETIMES, type SamlLifetimes } from './saml/create-saml-idp';
import { createSamlHandler } from './saml/saml-handler';
import { SAML_PREFIX } from './saml/saml-idp';
import {
  loadSamlServiceProviders,
  parseSamlServiceProviders,
  type SamlServiceProviderInput,
} from './saml/service-providers';
import {
  checkSamlCredentials,
  generateSamlCredentials,
  type SamlCredentials,
} from './saml/signing-credentials';
import { createUserDirectory, loadUsersFile, parseUsers, type DevUserInput } from './users';

export interface StartDevIdpOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Interface to listen on; loopback by default. */
  host?: string;
  /** Defaults to http://<host>:<bound port>, so it always matches where the IdP listens. */
  issuer?: string;
  /** Defaults to the demo client gatehouse-demo. */
  clients?: readonly DevClientInput[];
  /** Defaults to the users in `usersFile`. */
  users?: readonly DevUserInput[];
  /** Defaults to the package's users.json (alice, bob, carol). */
  usersFile?: string;
  /** Seconds; pass short ones to test refresh. */
  lifetimes?: Partial<TokenLifetimes>;
  /** Keys signing the IdP's cookies; random per process by default. */
  cookieKeys?: string[];
  saml?: StartSamlOptions;
}

export interface StartSamlOptions extends Partial<SamlLifetimes> {
  /** Defaults to the local agent on port 9772 (localhost and 127.0.0.1). */
  serviceProviders?: readonly SamlServiceProviderInput[];
  /** The IdP's signing key and certificate; a fresh pair per start by default. */
  credentials?: SamlCredentials;
}

export interface DevIdpSaml {
  /** `<issuer>/saml/metadata`: the Issuer of every response and the metadata's entityID. */
  entityId: string;
  /** Where this process serves metadata, SSO and SLO (the listening URL, like `url`). */
  metadataUrl: string;
  ssoUrl: string;
  sloUrl: string;
  /** PEM of the signing certificate, as the metadata publishes it. */
  certificate: string;
  /**
   * PEM of the signing key. Exposed for tests only: they sign responses that are valid except for
   * one defect (see buildSignedSamlResponse in @gatehouse/dev-idp/testing).
   */
  privateKey: string;
}

export interface DevIdp {
  /** The issuer identifier relying parties must discover and expect in tokens. */
  issuer: string;
  /** Where the server actually listens (differs from `issuer` only when an issuer was given). */
  url: string;
  port: number;
  /** The SAML IdP's metadata URL (same as `saml.metadataUrl`). */
  samlMetadataUrl: string;
  saml: DevIdpSaml;
  close(): Promise<void>;
}

export async function startDevIdp(options: StartDevIdpOptions = {}): Promise<DevIdp> {
  const users = createUserDirectory(
    options.users
      ? parseUsers(options.users, 'users option')
      : await loadUsersFile(options.usersFile),
  );
  const clients = options.clients
    ? parseClients(options.clients, 'clients option')
    : await loadClients({});
  const samlServiceProviders = options.saml?.serviceProviders
    ? parseSamlServiceProviders(options.saml.serviceProviders, 'saml.serviceProviders option')
    : await loadSamlServiceProviders({});
  const samlCredentials = options.saml?.credentials
    ? checkSamlCredentials(options.saml.credentials, 'saml.credentials option')
    : generateSamlCredentials();
  const host = options.host ?? '127.0.0.1';

  // Listen before building the provider: with port 0 the issuer can only name the real port
  // once the socket is bound, and discovery fails if the two disagree.
  let route = (_req: IncomingMessage, res: ServerResponse) => {
    res.statusCode = 503;
    res.end();
  };
  const server = createServer((req, res) => route(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${hostForUrl(host)}:${port}`;
  const close = () => closeServer(server);

  try {
    const issuer = normalizeIssuer(options.issuer ?? url);
    const provider = createProvider({
      issuer,
      clients,
      users,
      lifetimes: { ...DEFAULT_LIFETIMES, ...options.lifetimes },
      cookieKeys: options.cookieKeys ?? [randomBytes(32).toString('base64url')],
    });
    // Behind a TLS-terminating proxy, trust X-Forwarded-Proto so cookies are marked Secure.
    provider.proxy = issuer.startsWith('https:');
    provider.on('server_error', (_ctx, error) => console.error('dev-idp: server error', error));
    const handleInteraction = createInteractionHandler(provider, users);
    const samlIdp = createSamlIdp({
      issuer,
      users,
      serviceProviders: samlServiceProviders,
      credentials: samlCredentials,
      lifetimes: {
        responseLifetimeSeconds:
          options.saml?.responseLifetimeSeconds ?? DEFAULT_SAML_LIFETIMES.responseLifetimeSeconds,
        // One IdP session length for both protocols unless SAML's is set on its own.
        sessionLifetimeSeconds:
          options.saml?.sessionLifetimeSeconds ??
          options.lifetimes?.session ??
          DEFAULT_SAML_LIFETIMES.sessionLifetimeSeconds,
      },
    });
    const handleSaml = createSamlHandler(samlIdp);
    const handleProtocol = provider.callback();
    route = (req, res) => {
      handleSaml(req, res)
        .then((handled) => handled || handleInteraction(req, res))
        .then((handled) => (handled ? undefined : handleProtocol(req, res)))
        .catch((error: unknown) => {
          console.error('dev-idp: request failed', error);
          if (!res.headersSent) res.statusCode = 500;
          res.end();
        });
    };
    const saml: DevIdpSaml = {
      entityId: samlIdp.entityId,
      metadataUrl: `${url}${SAML_PREFIX}/metadata`,
      ssoUrl: `${url}${SAML_PREFIX}/sso`,
      sloUrl: `${url}${SAML_PREFIX}/slo`,
      certificate: samlCredentials.certificate,
      privateKey: samlCredentials.privateKey,
    };
    return { issuer, url, port, samlMetadataUrl: saml.metadataUrl, saml, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') {
    return '127.0.0.1';
  }
  return host.includes(':') ? `[${host}]` : host;
}

// oidc-provider serves its endpoints at the server root, so an issuer with a path would announce
// endpoints nobody answers.
function normalizeIssuer(issuer: string): string {
  const parsed = URL.parse(issuer);
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
    throw new Error(`The issuer ${issuer} is not an http(s) URL.`);
  }
  if (parsed.pathname !== '/' || parsed.search || parsed.hash) {
    throw new Error(
      `The issuer ${issuer} must be an origin without a path, like http://localhost:3001.`,
    );
  }
  return parsed.origin;
}

async function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  const closed = new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
  // Relying parties keep connections alive; without this close() would wait for them to idle out.
  server.closeAllConnections();
  await closed;
}
