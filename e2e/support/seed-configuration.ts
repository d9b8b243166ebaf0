import type { ConsoleApi } from './console-api';

export interface SeededApplication {
  deploymentId: string;
  applicationId: string;
  identityProviderId: string;
  name: string;
}

let counter = 0;

/**
 * A deployment with one identity provider (the dev IdP) and one application bound to it: READY,
 * so agents would serve it. Created through the REST API, the way a script would.
 */
export async function seedReadyApplication(
  api: ConsoleApi,
  options: { idpIssuer: string; upstreamUrl: string; name?: string; deploymentName?: string },
): Promise<SeededApplication> {
  const suffix = `${process.pid}-${++counter}-${Date.now().toString(36)}`;
  // Names are unique within an organization, and every spec has its own.
  const deployment = await api.post<{ id: string }>('/deployments', {
    name: options.deploymentName ?? 'production',
    description: 'CVAT for the labelling team',
  });
  const idp = await api.post<{ id: string }>(`/deployments/${deployment.id}/idps`, {
    name: 'Company SSO',
    protocol: 'OIDC',
    provider: 'GENERIC',
    clientId: 'gatehouse-demo',
    clientSecret: 'gatehouse-demo-secret',
    issuer: options.idpIssuer,
    scopes: ['openid', 'email', 'profile', 'groups'],
  });
  const name = options.name ?? `app-${suffix}`;
  const application = await api.post<{ id: string }>(`/deployments/${deployment.id}/applications`, {
    name,
    applicationUrl: 'http://localhost:9772',
    listenPort: 9772,
    upstreamServers: [options.upstreamUrl],
    idpIds: [idp.id],
  });
  return {
    deploymentId: deployment.id,
    applicationId: application.id,
    identityProviderId: idp.id,
    name,
  };
}
