// Creates resources through the REST API itself, so every test's data went through validation,
// auditing and version bumps exactly as a client's would.
import { expect } from 'vitest';
import * as deploymentsRoute from '../../app/api/v1/deployments/route';
import * as applicationsRoute from '../../app/api/v1/deployments/[id]/applications/route';
import * as idpsRoute from '../../app/api/v1/deployments/[id]/idps/route';
import * as keysRoute from '../../app/api/v1/deployments/[id]/provisioning-keys/route';
import type { TDeploymentResponse } from '@/server/deployments/deployment.types';
import type { TApplicationResponse } from '@/server/applications/application.types';
import type { TIdentityProviderResponse } from '@/server/identity-providers/identity-provider.types';
import type { TCreateProvisioningKeyResponse } from '@/server/provisioning-keys/provisioning-key.types';
import { callRoute } from './call-route';

let counter = 0;
function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

async function created<T>(promise: Promise<{ status: number; body: unknown }>): Promise<T> {
  const response = await promise;
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as T;
}

export function createDeployment(token: string, body: Record<string, unknown> = {}) {
  return created<TDeploymentResponse>(
    callRoute(deploymentsRoute.POST, {
      method: 'POST',
      auth: token,
      body: { name: unique('deployment'), ...body },
    }),
  );
}

export function createIdentityProvider(
  token: string,
  deploymentId: string,
  issuer: string,
  body: Record<string, unknown> = {},
) {
  return created<TIdentityProviderResponse>(
    callRoute(idpsRoute.POST, {
      method: 'POST',
      auth: token,
      params: { id: deploymentId },
      body: {
        name: unique('idp'),
        provider: 'GENERIC',
        clientId: 'gatehouse-demo',
        clientSecret: 'gatehouse-demo-secret',
        issuer,
        ...body,
      },
    }),
  );
}

let port = 20_000;
export function createApplication(
  token: string,
  deploymentId: string,
  body: Record<string, unknown> = {},
) {
  port += 1;
  return created<TApplicationResponse>(
    callRoute(applicationsRoute.POST, {
      method: 'POST',
      auth: token,
      params: { id: deploymentId },
      body: {
        name: unique('app'),
        applicationUrl: `http://app-${port}.example.test:${port}`,
        listenPort: port,
        upstreamServers: ['http://127.0.0.1:8080'],
        ...body,
      },
    }),
  );
}

export function createProvisioningKey(
  token: string,
  deploymentId: string,
  body: Record<string, unknown> = {},
) {
  return created<TCreateProvisioningKeyResponse>(
    callRoute(keysRoute.POST, {
      method: 'POST',
      auth: token,
      params: { id: deploymentId },
      body: { name: unique('key'), ...body },
    }),
  );
}

/** A deployment with an OpenID Connect IdP at `issuer` and an application that signs in with it. */
export async function createReadyApplication(token: string, issuer: string) {
  const deployment = await createDeployment(token);
  const provider = await createIdentityProvider(token, deployment.id, issuer);
  const app = await createApplication(token, deployment.id, { idpIds: [provider.id] });
  return { deployment, provider, app };
}

/**
 * A ready application and an incomplete one in a new deployment, with a provisioning key named
 * cluster-a and its Basic credentials: what an agent of that deployment would hold.
 */
export async function createDeploymentWithKey(token: string, issuer: string) {
  const { deployment, app } = await createReadyApplication(token, issuer);
  const incomplete = await createApplication(token, deployment.id);
  const key = await createProvisioningKey(token, deployment.id, { name: 'cluster-a' });
  return { deployment, app, incomplete, key, auth: basicAuth(key) };
}

export function basicAuth(key: { key: string; secret: string }): string {
  return `Basic ${Buffer.from(`${key.key}:${key.secret}`).toString('base64')}`;
}
