// The console's REST API as a client calls it (Bearer API token), and an owner to call it as.
import { createHash, randomBytes } from 'node:crypto';
import type { TAgentConfig } from '@gatehouse/contract';
import { createPrismaClient } from '@gatehouse/db';
import { seedApiToken, seedOrganizationWithOwner } from '@gatehouse/db/testing';

export interface ConsoleApi {
  call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
}

/** An organization with its owner and an API token for it, written straight to the database. */
export async function seedOwnerToken(databaseUrl: string): Promise<string> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    const { organization, user } = await seedOrganizationWithOwner(prisma);
    const token = `ght_${randomBytes(32).toString('base64url')}`;
    await seedApiToken(prisma, {
      organizationId: organization.id,
      userId: user.id,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      tokenPrefix: token.slice(0, 12),
    });
    return token;
  } finally {
    await prisma.$disconnect();
  }
}

export function createConsoleApi(consoleUrl: string, token: string): ConsoleApi {
  return {
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${consoleUrl}/api/v1/${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : null) as T;
    },
  };
}

export interface SeededDeployment {
  deploymentId: string;
  applicationId: string;
  idpId: string;
  provisioningKey: string;
  provisioningSecret: string;
}

export interface DeploymentPlan {
  /** Where users open the application: http://127.0.0.1:<listenPort>. */
  applicationUrl: string;
  listenPort: number;
  upstreamServers: string[];
  idp: { issuer: string; clientId: string; clientSecret: string };
}

/** A deployment with one application behind one IdP, and a provisioning key for its agents. */
export async function seedDeployment(
  api: ConsoleApi,
  plan: DeploymentPlan,
): Promise<SeededDeployment> {
  const deployment = await api.call<{ id: string }>('POST', 'deployments', {
    name: `security-${randomBytes(4).toString('hex')}`,
  });
  const idp = await api.call<{ id: string }>('POST', `deployments/${deployment.id}/idps`, {
    name: 'Dev IdP',
    provider: 'GENERIC',
    issuer: plan.idp.issuer,
    clientId: plan.idp.clientId,
    clientSecret: plan.idp.clientSecret,
    scopes: ['openid', 'email', 'profile', 'groups'],
  });
  const application = await api.call<{ id: string }>(
    'POST',
    `deployments/${deployment.id}/applications`,
    {
      name: 'CVAT',
      applicationUrl: plan.applicationUrl,
      listenPort: plan.listenPort,
      upstreamServers: plan.upstreamServers,
      idpIds: [idp.id],
    },
  );
  await api.call('POST', `applications/${application.id}/presets/cvat`);
  const key = await api.call<{ key: string; secret: string }>(
    'POST',
    `deployments/${deployment.id}/provisioning-keys`,
    {
      name: 'security suite',
    },
  );
  return {
    deploymentId: deployment.id,
    applicationId: application.id,
    idpId: idp.id,
    provisioningKey: key.key,
    provisioningSecret: key.secret,
  };
}

/** The deployment's configuration document, as its agents pull it (keys and secrets included). */
export async function pullDocument(stack: {
  console: { url: string };
  deployment: Pick<SeededDeployment, 'provisioningKey' | 'provisioningSecret'>;
}): Promise<TAgentConfig> {
  const { provisioningKey, provisioningSecret } = stack.deployment;
  const response = await fetch(`${stack.console.url}/api/agent/v1/config`, {
    headers: {
      authorization: `Basic ${Buffer.from(`${provisioningKey}:${provisioningSecret}`).toString('base64')}`,
    },
  });
  if (!response.ok) throw new Error(`the agent API answered ${response.status}`);
  return (await response.json()) as TAgentConfig;
}
