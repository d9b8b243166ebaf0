// An OpenID provider that answers the authorization code flow honestly up to the token endpoint,
// where it hands out whatever ID token the test asks for: wrong issuer or audience, unsigned,
// signed with the wrong key or algorithm, expired, another nonce. The agent must refuse each.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK, type JWTPayload } from 'jose';

export interface IdTokenRecipe {
  /** The claims of an honest token for this sign-in. */
  claims: JWTPayload & Record<string, unknown>;
  /** Signs honestly: RS256 with the published key. */
  sign: (
    claims: JWTPayload,
    options?: { alg?: string; key?: 'published' | 'unpublished' },
  ) => Promise<string>;
  clientSecret: string;
}

export type IdTokenScenario = (recipe: IdTokenRecipe) => Promise<string> | string;

export interface RogueIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The ID token the next token request gets. */
  use(scenario: IdTokenScenario): void;
  close(): Promise<void>;
}

export async function startRogueIdp(options: {
  clientId: string;
  clientSecret: string;
}): Promise<RogueIdp> {
  const published = await generateKeyPair('RS256', { extractable: true });
  const unpublished = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = {
    ...(await exportJWK(published.publicKey)),
    kid: 'rogue-1',
    alg: 'RS256',
    use: 'sig',
  };
  const codes = new Map<string, { nonce: string | null }>();
  let scenario: IdTokenScenario = ({ claims, sign }) => sign(claims);
  let issuer = '';

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const code = randomBytes(16).toString('hex');
      codes.set(code, { nonce: url.searchParams.get('nonce') });
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { location: back.href }).end();
      return;
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const code = new URLSearchParams(body).get('code') ?? '';
        const grant = codes.get(code);
        codes.delete(code);
        if (!grant) return json(400, { error: 'invalid_grant' });
        const now = Math.floor(Date.now() / 1000);
        const recipe: IdTokenRecipe = {
          clientSecret: options.clientSecret,
          claims: {
            iss: issuer,
            sub: 'rogue-user',
            aud: options.clientId,
            iat: now,
            exp: now + 300,
            nonce: grant.nonce ?? undefined,
            email: 'rogue@example.com',
          },
          sign: (claims, how = {}) =>
            new SignJWT(claims)
              .setProtectedHeader({ alg: how.alg ?? 'RS256', kid: 'rogue-1' })
              .sign(how.key === 'unpublished' ? unpublished.privateKey : published.privateKey),
        };
        Promise.resolve(scenario(recipe)).then(
          (idToken) =>
            json(200, {
              access_token: randomBytes(16).toString('hex'),
              token_type: 'Bearer',
              expires_in: 300,
              id_token: idToken,
            }),
          (error: unknown) => json(500, { error: String(error) }),
        );
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    ...options,
    use(next) {
      scenario = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
