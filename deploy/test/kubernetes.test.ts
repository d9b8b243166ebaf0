// deploy/kubernetes rendered by `kubectl kustomize`, as `kubectl apply -k` would send it.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readEnvKeys, validateAppEnv, type AppName } from './support/app-env';
import type { ComposeFile } from './support/compose';
import { REPOSITORY_ROOT, parseYamlDocuments, readText, readYaml } from './support/repository';
import { generateSampleSecrets } from './support/sample-secrets';

interface Resource {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}

interface EnvEntry {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string };
    fieldRef?: { fieldPath: string };
  };
}

interface Container {
  name: string;
  image: string;
  command?: string[];
  workingDir?: string;
  env?: EnvEntry[];
  envFrom?: { secretRef?: { name: string }; configMapRef?: { name: string } }[];
  ports?: { name: string; containerPort: number }[];
  securityContext?: Record<string, unknown>;
  livenessProbe?: { httpGet?: { path: string; port: string } };
  readinessProbe?: { httpGet?: { path: string; port: string } };
}

interface PodSpec {
  automountServiceAccountToken?: boolean;
  securityContext?: Record<string, unknown>;
  containers: Container[];
  initContainers?: Container[];
}

const kubectl = spawnSync('kubectl', ['kustomize', 'deploy/kubernetes'], {
  cwd: REPOSITORY_ROOT,
  encoding: 'utf8',
});
const kubectlMissing = kubectl.error !== undefined;

describe.skipIf(kubectlMissing)('deploy/kubernetes (kubectl kustomize)', () => {
  const resources = kubectlMissing ? [] : (parseYamlDocuments(kubectl.stdout) as Resource[]);
  const byKind = (kind: string) => resources.filter((resource) => resource.kind === kind);
  const workloads = [...byKind('Deployment'), ...byKind('StatefulSet')];
  const podSpec = (workload: Resource) =>
    (workload.spec as { template: { spec: PodSpec } }).template.spec;
  const podLabels = (workload: Resource) =>
    (workload.spec as { template: { metadata: { labels: Record<string, string> } } }).template
      .metadata.labels;
  const workload = (name: string) => workloads.find(({ metadata }) => metadata.name === name)!;

  /** The environment a container starts with; secret and config map entries decoded. */
  function resolveEnvironment(container: Container): Record<string, string> {
    const environment: Record<string, string> = {};
    const lookup = (kind: 'Secret' | 'ConfigMap', name: string) => {
      const found = byKind(kind).find(({ metadata }) => metadata.name === name);
      if (!found) throw new Error(`${container.name} refers to a missing ${kind} ${name}`);
      return Object.entries(found.data ?? {}).map(
        ([key, value]) =>
          [key, kind === 'Secret' ? Buffer.from(value, 'base64').toString('utf8') : value] as const,
      );
    };
    for (const source of container.envFrom ?? []) {
      const [kind, name] = source.secretRef
        ? (['Secret', source.secretRef.name] as const)
        : (['ConfigMap', source.configMapRef!.name] as const);
      for (const [key, value] of lookup(kind, name)) environment[key] = value;
    }
    for (const entry of container.env ?? []) {
      const reference = entry.valueFrom?.secretKeyRef;
      environment[entry.name] = reference
        ? (new Map(lookup('Secret', reference.name)).get(reference.key) ?? '')
        : entry.valueFrom?.fieldRef
          ? `${entry.name.toLowerCase()}-from-${entry.valueFrom.fieldRef.fieldPath}`
          : (entry.value ?? '');
    }
    return environment;
  }

  const PROGRAMS: [workload: string, app: AppName][] = [
    ['agent', 'agent'],
    ['console', 'console'],
    ['demo-upstream', 'demo-upstream'],
  ];

  it('renders, with every workload the example describes', () => {
    expect(kubectl.status, kubectl.stderr).toBe(0);
    expect(workloads.map(({ metadata }) => metadata.name).sort()).toEqual([
      'agent',
      'console',
      'demo-upstream',
      'postgres',
    ]);
  });

  it.each(PROGRAMS)('gives %s only variables its env.ts reads', (name, app) => {
    const accepted = readEnvKeys(app);
    const main = podSpec(workload(name)).containers[0]!;
    expect(Object.keys(resolveEnvironment(main)).filter((key) => !accepted.has(key))).toEqual([]);
  });

  it('starts no program with the placeholder secrets: each rejects them', async () => {
    for (const [name, app] of PROGRAMS.filter(([, app]) => app !== 'demo-upstream')) {
      const environment = resolveEnvironment(podSpec(workload(name)).containers[0]!);
      expect(await validateAppEnv(app, environment), name).toMatchObject({ ok: false });
    }
  });

  it('starts every program once the placeholders are replaced by real secrets', async () => {
    const secrets = generateSampleSecrets();
    for (const [name, app] of PROGRAMS) {
      const environment = resolveEnvironment(podSpec(workload(name)).containers[0]!);
      for (const key of Object.keys(environment)) {
        if (environment[key] === 'replace-me') environment[key] = secrets[key]!;
      }
      expect(await validateAppEnv(app, environment), name).toEqual({ ok: true });
    }
  });

  it('runs every container as non-root on a read-only root, without API credentials', () => {
    for (const resource of workloads) {
      const spec = podSpec(resource);
      expect(spec.automountServiceAccountToken, resource.metadata.name).toBe(false);
      expect(spec.securityContext, resource.metadata.name).toMatchObject({ runAsNonRoot: true });
      for (const container of [...spec.containers, ...(spec.initContainers ?? [])]) {
        expect(
          container.securityContext,
          `${resource.metadata.name}/${container.name}`,
        ).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
      }
    }
  });

  it('lets only the agents reach the upstream, and only the console reach the database', () => {
    const services = byKind('Service');
    for (const name of ['demo-upstream', 'postgres']) {
      const service = services.find(({ metadata }) => metadata.name === name)!;
      expect((service.spec as { type: string }).type).toBe('ClusterIP');
    }
    const policies = byKind('NetworkPolicy').map(
      ({ spec }) =>
        spec as {
          podSelector: { matchLabels: Record<string, string> };
          ingress: { from: { podSelector: { matchLabels: Record<string, string> } }[] }[];
        },
    );
    const admitted = (target: string) => {
      const labels = podLabels(workload(target));
      const policy = policies.find(({ podSelector }) =>
        Object.entries(podSelector.matchLabels).every(([key, value]) => labels[key] === value),
      );
      return policy?.ingress.flatMap(({ from }) => from.map(({ podSelector }) => podSelector));
    };
    const selects = (selector: { matchLabels: Record<string, string> }, target: string) =>
      Object.entries(selector.matchLabels).every(
        ([key, value]) => podLabels(workload(target))[key] === value,
      );
    expect(admitted('demo-upstream')?.map((selector) => selects(selector, 'agent'))).toEqual([
      true,
    ]);
    expect(admitted('postgres')?.map((selector) => selects(selector, 'console'))).toEqual([true]);
  });

  it("probes the agents' /healthz and /readyz on the admin port the agent listens on by default", () => {
    const agent = podSpec(workload('agent')).containers[0]!;
    const defaultAdminPort = Number(
      /ADMIN_PORT:[\s\S]*?default\((\d+)\)/.exec(readText('apps/agent/src/env.ts'))?.[1],
    );
    expect(agent.ports?.find(({ name }) => name === 'admin')?.containerPort).toBe(defaultAdminPort);
    expect(agent.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'admin' });
    expect(agent.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: 'admin' });
  });

  it('takes a console out of the Service while its database is out of reach', () => {
    const [consoleContainer] = podSpec(workload('console')).containers;
    expect(consoleContainer?.readinessProbe?.httpGet).toEqual({
      path: '/api/health',
      port: 'http',
    });
  });

  it('migrates before the console starts, with the command docker-compose uses', () => {
    const compose = readYaml('docker-compose.yml') as ComposeFile;
    const [migrate] = podSpec(workload('console')).initContainers ?? [];
    expect(migrate?.command).toEqual(compose.services['console-migrate']!.command);
    expect(migrate?.workingDir).toBe('/opt/migrate');
    expect(Object.keys(resolveEnvironment(migrate!))).toEqual(['DATABASE_URL']);
  });
});

if (kubectlMissing) {
  describe('deploy/kubernetes', () => {
    it.skip('needs kubectl on PATH to render the kustomization: install it to run these checks');
  });
}
