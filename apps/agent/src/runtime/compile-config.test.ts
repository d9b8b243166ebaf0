import { buildSampleAgentConfig, buildSampleApplication } from '@gatehouse/contract/testing';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger';
import { createAgentMetrics } from '../observability/metrics';
import { createCompileConfig } from './compile-config';

const compile = createCompileConfig({
  logger: createLogger('silent'),
  metrics: createAgentMetrics(),
});

describe('createCompileConfig', () => {
  it('compiles each application with the host the control side routes by', async () => {
    const compiled = await compile(
      buildSampleAgentConfig({
        applications: [
          buildSampleApplication({ id: 'a', applicationUrl: 'https://CVAT.example' }),
          buildSampleApplication({
            id: 'b',
            applicationUrl: 'http://wiki.example:8080',
            listenPort: 8080,
          }),
        ],
      }),
    );
    expect(compiled.applications.map((app) => [app.config.id, app.host])).toEqual([
      ['a', 'cvat.example'],
      ['b', 'wiki.example:8080'],
    ]);
    await compiled.dispose();
  });

  it('refuses a role-mapping expression that does not parse, saying where it is', async () => {
    const config = buildSampleAgentConfig({
      applications: [
        buildSampleApplication({
          roleMapping: {
            rows: [{ kind: 'EXPRESSION', expression: '"admins" in', role: 'admin' }],
            defaultRole: null,
          },
        }),
      ],
    });
    await expect(compile(config)).rejects.toThrow(
      'applications[0].roleMapping.rows[0].expression: expected a value',
    );
  });

  it('refuses an application bound to an IdP the document lacks', async () => {
    const config = buildSampleAgentConfig({
      applications: [buildSampleApplication({ idpIds: ['idp_missing'] })],
    });
    await expect(compile(config)).rejects.toThrow(
      'identity provider "idp_missing" is not in this configuration',
    );
  });
});
