// Relying parties the dev IdP knows, from DEV_IDP_CLIENTS / DEV_IDP_CLIENTS_FILE or the demo default.
import { readFile } from 'node:fs/promises';
import type { ClientMetadata } from 'oidc-provider';
import { z } from 'zod';

import { formatIssues } from './format-issues';
import { parseJson } from './parse-json';

const ZWebUri = z.url({ protocol: /^https?$/ }).refine((uri) => !uri.includes('#'), {
  message: 'must not contain a fragment (OpenID Connect Core 3.1.2.1)',
});

const ZDevClient = z.strictObject({
  clientId: z.string().min(1),
  clientSecret: z.string().min(8),
  redirectUris: z.array(ZWebUri).min(1),
  postLogoutRedirectUris: z.array(ZWebUri).default([]),
  // oidc-provider accepts exactly the one method a client registered; basic is the RFC 6749 §2.3.1
  // default most IdPs use, so a relying party tested here behaves the same against them.
  tokenEndpointAuthMethod: z
    .enum(['client_secret_basic', 'client_secret_post'])
    .default('client_secret_basic'),
});

export const ZDevClients = z
  .array(ZDevClient)
  .min(1, 'at least one client is required')
  .superRefine((clients, ctx) => {
    const seen = new Set<string>();
    clients.forEach((client, index) => {
      if (seen.has(client.clientId)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'clientId'],
          message: `duplicate clientId ${client.clientId}`,
        });
      }
      seen.add(client.clientId);
    });
  });

export type DevClientInput = z.input<typeof ZDevClient>;
export type DevClient = z.output<typeof ZDevClient>;

export const DEFAULT_CLIENTS: readonly DevClientInput[] = [
  {
    clientId: 'gatehouse-demo',
    clientSecret: 'gatehouse-demo-secret',
    redirectUris: [
      'http://localhost:9772/.gatehouse/callback',
      'http://127.0.0.1:9772/.gatehouse/callback',
    ],
    postLogoutRedirectUris: ['http://localhost:9772/', 'http://127.0.0.1:9772/'],
  },
];

export function parseClients(input: unknown, source: string): DevClient[] {
  const parsed = ZDevClients.safeParse(input);
  if (!parsed.success) {
    throw new Error(formatIssues(source, parsed.error));
  }
  return parsed.data;
}

export async function loadClients(options: {
  json?: string | undefined;
  file?: string | undefined;
}): Promise<DevClient[]> {
  if (options.json !== undefined) {
    return parseClients(parseJson(options.json, 'DEV_IDP_CLIENTS'), 'DEV_IDP_CLIENTS');
  }
  if (options.file !== undefined) {
    let text: string;
    try {
      text = await readFile(options.file, 'utf8');
    } catch (cause) {
      throw new Error(`Cannot read the clients file ${options.file} (DEV_IDP_CLIENTS_FILE).`, {
        cause,
      });
    }
    return parseClients(parseJson(text, options.file), options.file);
  }
  return parseClients(DEFAULT_CLIENTS, 'default clients');
}

export function toClientMetadata(client: DevClient): ClientMetadata {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    // application_type "web" (the default) is right even for http://localhost redirect URIs:
    // oidc-provider 9 rejects http and localhost for web clients only when they use the implicit
    // grant, which these clients cannot. "native" would accept loopback too, but it forces a
    // consent prompt on every authorization and forbids non-loopback http hosts such as
    // http://agent:9772 inside docker-compose.
    application_type: 'web',
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: client.tokenEndpointAuthMethod,
  };
}
