// A SAML service provider on @node-saml/node-saml (the library the agent uses) for the dev IdP's
// own tests: a real HTTP server on 127.0.0.1 with a protected page, an ACS and an SLO endpoint.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SAML, ValidateInResponseTo, type Profile, type SamlConfig } from '@node-saml/node-saml';

import type { DevIdp } from '../src/server';
import type { SamlServiceProviderInput } from '../src/saml/service-providers';

export interface TestServiceProvider {
  origin: string;
  entityId: string;
  acsUrl: string;
  sloUrl: string;
  /** What to pass in startDevIdp's saml.serviceProviders. */
  registration: SamlServiceProviderInput;
  /** node-saml, configured for `idp` by connect(). */
  saml(): SAML;
  connect(idp: DevIdp, config?: Partial<SamlConfig>): void;
  close(): Promise<void>;
}

export function samlConfigFor(
  idp: DevIdp,
  sp: { entityId: string; acsUrl: string; sloUrl: string },
  config: Partial<SamlConfig> = {},
): SamlConfig {
  return {
    entryPoint: idp.saml.ssoUrl,
    logoutUrl: idp.saml.sloUrl,
    issuer: sp.entityId,
    audience: sp.entityId,
    callbackUrl: sp.acsUrl,
    logoutCallbackUrl: sp.sloUrl,
    idpCert: idp.saml.certificate,
    idpIssuer: idp.saml.entityId,
    // The strict settings the agent is meant to run with.
    wantAuthnResponseSigned: true,
    wantAssertionsSigned: true,
    validateInResponseTo: ValidateInResponseTo.always,
    signatureAlgorithm: 'sha256',
    ...config,
  };
}

/**
 * Routes: GET /private (needs a session, else redirects to the IdP), POST /acs, GET /logout
 * (SP-initiated SLO), POST|GET /slo (the IdP's LogoutResponse). Answers are plain text.
 */
export async function startTestServiceProvider(
  registration: Partial<SamlServiceProviderInput> = {},
): Promise<TestServiceProvider> {
  const sessions = new Map<string, Profile>();
  let saml: SAML | undefined;
  // node-saml reads InResponseTo only from a <Response> root, so with validateInResponseTo
  // "always" it refuses every LogoutResponse sent through HTTP-POST; this instance checks it only
  // when it finds it (its HTTP-Redirect path checks InResponseTo properly).
  let sloPostSaml: SAML | undefined;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', sp.origin);
    // Cookies are per host, not per port: each SP on 127.0.0.1 needs its own cookie name.
    const cookieName = `sp_session_${url.port}`;
    const sid = new RegExp(`${cookieName}=([\\w-]+)`).exec(req.headers.cookie ?? '')?.[1];
    const profile = sid === undefined ? undefined : sessions.get(sid);
    const reply = (status: number, text: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain', ...headers });
      res.end(text);
    };
    void (async () => {
      if (!saml) throw new Error('call connect(idp) first');
      if (url.pathname === '/private') {
        if (profile) {
          const groups = ([] as unknown[]).concat(profile.groups ?? []).join(',');
          reply(200, `hello ${String(profile.email)} groups=${groups}`);
        } else {
          reply(302, '', { location: await saml.getAuthorizeUrlAsync('/private', undefined, {}) });
        }
      } else if (url.pathname === '/acs' && req.method === 'POST') {
        const form = new URLSearchParams(await readBody(req));
        const result = await saml.validatePostResponseAsync({
          SAMLResponse: form.get('SAMLResponse') ?? '',
        });
        if (!result.profile) {
          reply(401, 'no assertion');
          return;
        }
        const id = randomBytes(16).toString('hex');
        sessions.set(id, result.profile);
        reply(302, '', {
          location: form.get('RelayState') ?? '/private',
          'set-cookie': `${cookieName}=${id}; Path=/; HttpOnly`,
        });
      } else if (url.pathname === '/logout' && profile) {
        reply(302, '', { location: await saml.getLogoutUrlAsync(profile, 'bye', {}) });
      } else if (url.pathname === '/slo') {
        const result =
          req.method === 'POST'
            ? await sloPostSaml!.validatePostResponseAsync(
                Object.fromEntries(new URLSearchParams(await readBody(req))),
              )
            : await saml.validateRedirectAsync(
                Object.fromEntries(url.searchParams),
                url.search.slice(1),
              );
        if (sid !== undefined && result.loggedOut) sessions.delete(sid);
        reply(200, result.loggedOut ? 'signed out' : 'not signed out');
      } else {
        reply(404, 'not found');
      }
    })().catch((error: unknown) => reply(500, `SP error: ${String(error)}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sp: TestServiceProvider = {
    origin,
    entityId: `${origin}/metadata`,
    acsUrl: `${origin}/acs`,
    sloUrl: `${origin}/slo`,
    registration: {
      entityId: `${origin}/metadata`,
      acsUrl: `${origin}/acs`,
      sloUrl: `${origin}/slo`,
      ...registration,
    },
    saml: () => {
      if (!saml) throw new Error('call connect(idp) first');
      return saml;
    },
    connect(idp, config) {
      saml = new SAML(samlConfigFor(idp, sp, config));
      sloPostSaml = new SAML(
        samlConfigFor(idp, sp, { ...config, validateInResponseTo: ValidateInResponseTo.ifPresent }),
      );
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  return sp;
}

async function readBody(req: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
