// The demo deployment of the quick start, made through the console's REST API with the bootstrap
// owner's token, so it belongs to that owner's organization exactly as if they had clicked it.
// Find-or-create by name: a second run finds what the first made and leaves edits alone.
import type { ConsoleApi } from './console-api';

export const DEMO_NAMES = {
  deployment: 'Demo',
  application: 'CVAT demo',
  identityProvider: 'Dev IdP',
} as const;

export interface DemoSettings {
  /** `http://localhost:<agent port>`: what people open. */
  applicationUrl: string;
  listenPort: number;
  upstreamUrl: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface SeededDemo {
  deploymentId: string;
  applicationId: string;
  identityProviderId: string;
  /** Where an earlier run's demo differs from this run's settings (say, another agent port). */
  warnings: string[];
}

interface Named {
  id: string;
  name: string;
}

interface Application extends Named {
  applicationUrl: string;
  listenPort: number;
}

export async function seedDemo(api: ConsoleApi, settings: DemoSettings): Promise<SeededDemo> {
  const deployment = await findOrCreate(
    async () => (await api.get<{ deployments: Named[] }>('/deployments')).deployments,
    DEMO_NAMES.deployment,
    () =>
      api.post<Named>('/deployments', {
        name: DEMO_NAMES.deployment,
        description: 'Made by pnpm dev: the CVAT demo behind a local agent.',
      }),
  );
  const base = `/deployments/${deployment.id}`;

  const identityProvider = await findOrCreate(
    async () => (await api.get<{ identityProviders: Named[] }>(`${base}/idps`)).identityProviders,
    DEMO_NAMES.identityProvider,
    () =>
      api.post<Named>(`${base}/idps`, {
        name: DEMO_NAMES.identityProvider,
        protocol: 'OIDC',
        provider: 'GENERIC',
        issuer: settings.issuer,
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
        scopes: ['openid', 'email', 'profile', 'groups'],
      }),
  );

  const application = await findOrCreate(
    async () =>
      (await api.get<{ applications: Application[] }>(`${base}/applications`)).applications,
    DEMO_NAMES.application,
    () =>
      api.post<Application>(`${base}/applications`, {
        name: DEMO_NAMES.application,
        description: 'The demo upstream, a CVAT stand-in in header-auth mode.',
        applicationUrl: settings.applicationUrl,
        listenPort: settings.listenPort,
        upstreamServers: [settings.upstreamUrl],
        idpIds: [identityProvider.id],
      }),
  );

  // Checked rather than remembered: a run stopped between creating the application and this
  // step would otherwise leave the demo without CVAT's headers for good.
  const attributePass = await api.get<{ rows: unknown[] }>(
    `/applications/${application.id}/attribute-pass`,
  );
  if (attributePass.rows.length === 0) {
    await api.post(`/applications/${application.id}/presets/cvat`);
  }

  const warnings =
    application.applicationUrl === settings.applicationUrl &&
    application.listenPort === settings.listenPort
      ? []
      : [
          `The "${DEMO_NAMES.application}" application of an earlier run is at ` +
            `${application.applicationUrl} (listen port ${application.listenPort}), not ` +
            `${settings.applicationUrl}: sign-in at the dev IdP expects the latter. Edit it in ` +
            'the console, or start from empty data (another DATA_DIR).',
        ];
  return {
    deploymentId: deployment.id,
    applicationId: application.id,
    identityProviderId: identityProvider.id,
    warnings,
  };
}

async function findOrCreate<T extends Named>(
  list: () => Promise<T[]>,
  name: string,
  create: () => Promise<T>,
): Promise<T> {
  return (await list()).find((item) => item.name === name) ?? (await create());
}
