// The Helm charts, checked without helm (not installable here): values.yaml and the example
// values pass the charts' values.schema.json (which helm enforces at install), the templates read
// only values that exist and every value is read, blocks are balanced, and the environment they
// set is what the programs read.
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { readEnvKeys, type AppName } from './support/app-env';
import type { ComposeFile } from './support/compose';
import {
  countUnclosedBlocks,
  deepMerge,
  hasPath,
  listValuesPaths,
  listValuesReferences,
  readChart,
} from './support/helm';
import { exists, readText, readYaml } from './support/repository';

const CHARTS: { name: string; app: AppName; examples: string[] }[] = [
  {
    name: 'gatehouse-agent',
    app: 'agent',
    examples: ['deploy/helm/examples/agent-for-cvat.values.yaml'],
  },
  {
    name: 'gatehouse-console',
    app: 'console',
    examples: ['deploy/helm/examples/console.values.yaml'],
  },
];

describe.each(CHARTS.map((chart) => [chart.name, chart] as const))(
  'deploy/helm/%s',
  (name, { app, examples }) => {
    const directory = `deploy/helm/${name}`;
    const chart = readChart(directory);
    const values = readYaml(`${directory}/values.yaml`);
    const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
      JSON.parse(readText(`${directory}/values.schema.json`)) as object,
    );

    it('is a v2 chart named after its directory', () => {
      expect(readYaml(`${directory}/Chart.yaml`)).toMatchObject({
        apiVersion: 'v2',
        name,
        version: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown,
      });
    });

    it('has default values its schema accepts', () => {
      expect(validate(values) ? [] : validate.errors).toEqual([]);
    });

    it.each(examples)('accepts the example values in %s', (example) => {
      const merged = deepMerge(values, readYaml(example));
      expect(validate(merged) ? [] : validate.errors).toEqual([]);
    });

    it('rejects misspelt and malformed values, as helm install would', () => {
      expect(validate(deepMerge(values, { replicaCont: 2 }))).toBe(false);
      expect(validate(deepMerge(values, { image: { pullPolicy: 'Sometimes' } }))).toBe(false);
    });

    it('reads only values that values.yaml defines', () => {
      const missing = [...listValuesReferences(chart)].filter((path) => !hasPath(values, path));
      expect(missing).toEqual([]);
    });

    it('reads every value values.yaml documents', () => {
      const references = [...listValuesReferences(chart)];
      const unused = listValuesPaths(values).filter(
        (path) =>
          !references.some((reference) => path === reference || path.startsWith(`${reference}.`)),
      );
      expect(unused).toEqual([]);
    });

    it('closes every if, with, range and define', () => {
      const unbalanced = [...chart.templates].filter(([, text]) => countUnclosedBlocks(text) !== 0);
      expect(unbalanced.map(([file]) => file)).toEqual([]);
    });

    it('sets only environment variables the program reads', () => {
      const accepted = readEnvKeys(app);
      const text = [...chart.templates.values()].join('\n');
      const set = [...text.matchAll(/^\s*- name: ([A-Z][A-Z0-9_]+)\s*$/gm)].map(
        (match) => match[1]!,
      );
      // The console takes its Secret whole (envFrom): its entries become variables too.
      const secretEntries = [
        ...(chart.templates.get('secret.yaml') ?? '').matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm),
      ];
      const all = [...set, ...secretEntries.map((match) => match[1]!)];
      expect(all.length).toBeGreaterThan(2);
      expect(all.filter((variable) => !accepted.has(variable))).toEqual([]);
    });

    it('runs non-root on a read-only root filesystem by default', () => {
      expect(values).toMatchObject({
        podSecurityContext: { runAsNonRoot: true },
        securityContext: {
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        },
      });
    });
  },
);

describe('deploy/helm/gatehouse-agent', () => {
  const chart = readChart('deploy/helm/gatehouse-agent');
  const deployment = chart.templates.get('deployment.yaml')!;
  const values = readYaml('deploy/helm/gatehouse-agent/values.yaml') as Record<string, unknown>;

  it('probes /healthz and /readyz on the admin port it also passes as ADMIN_PORT', () => {
    expect(deployment).toMatch(/livenessProbe:\s+httpGet:\s+path: \/healthz\s+port: admin/);
    expect(deployment).toMatch(/readinessProbe:\s+httpGet:\s+path: \/readyz\s+port: admin/);
    expect(deployment).toMatch(/- name: admin\s+containerPort: \{\{ \.Values\.adminPort \}\}/);
    expect(deployment).toMatch(
      /- name: ADMIN_PORT\s+value: \{\{ \.Values\.adminPort \| quote \}\}/,
    );
  });

  it('keeps STATE_DIR on a writable volume and never exposes the admin port in its Service', () => {
    expect(deployment).toMatch(/- name: STATE_DIR\s+value: \{\{ \.Values\.stateDir \| quote \}\}/);
    expect(deployment).toMatch(/- name: state\s+mountPath: \{\{ \.Values\.stateDir \}\}/);
    expect(chart.templates.get('service.yaml')).not.toContain('adminPort');
  });

  it("defaults to the CVAT example's listen port and two replicas with a disruption budget", () => {
    expect(values).toMatchObject({
      containerPort: 9772,
      service: { port: 9772 },
      replicaCount: 2,
      podDisruptionBudget: { enabled: true, minAvailable: 1 },
    });
  });
});

describe('deploy/helm/gatehouse-console', () => {
  const deployment = readChart('deploy/helm/gatehouse-console').templates.get('deployment.yaml')!;

  it('migrates in an initContainer with the command docker-compose uses', () => {
    const compose = readYaml('docker-compose.yml') as ComposeFile;
    const command = compose.services['console-migrate']!.command as string[];
    expect(deployment).toContain(`command: [${command.map((part) => `'${part}'`).join(', ')}]`);
    expect(deployment).toMatch(/initContainers:[\s\S]*workingDir: \/opt\/migrate/);
  });

  it('is ready only while its database answers (/api/health), alive without it', () => {
    const values = readYaml('deploy/helm/gatehouse-console/values.yaml') as Record<string, unknown>;
    expect(values.readinessPath).toBe('/api/health');
    expect(exists('apps/console/app/api/health/route.ts')).toBe(true);
    expect(deployment).toMatch(
      /readinessProbe:\s+httpGet:\s+path: \{\{ \.Values\.readinessPath \}\}/,
    );
    expect(deployment).toMatch(/livenessProbe:\s+httpGet:\s+path: \{\{ \.Values\.probePath \}\}/);
  });
});

describe('deploy/helm/examples for CVAT', () => {
  it("makes CVAT's traefik a ClusterIP service, reachable only through the agent", () => {
    expect(readYaml('deploy/helm/examples/cvat-chart.values.yaml')).toMatchObject({
      traefik: { enabled: true, service: { type: 'ClusterIP' } },
      ingress: { enabled: false },
      cvat: {
        backend: { server: { additionalEnv: [{ name: 'HEADER_AUTH_ENABLE', value: 'true' }] } },
      },
    });
  });

  it("admits outside traffic only to the agents' pods, as the agent chart labels them", () => {
    const policy = readYaml('deploy/helm/examples/cvat-networkpolicy.yaml');
    expect(policy).toMatchObject({
      kind: 'NetworkPolicy',
      spec: {
        podSelector: {
          matchExpressions: [
            { key: 'app.kubernetes.io/name', operator: 'NotIn', values: ['gatehouse-agent'] },
          ],
        },
        ingress: [{ from: [{ podSelector: {} }] }],
      },
    });
    expect(readChart('deploy/helm/gatehouse-agent').templates.get('_helpers.tpl')).toContain(
      'app.kubernetes.io/name: {{ include "gatehouse-agent.name" . }}',
    );
  });
});
