import { describe, expect, it } from 'vitest';
import { buildSampleAgentConfig, buildSampleApplication } from '../testing/sample-config';
import { validateAgentConfig } from '../validate';

function problemsOf(input: unknown) {
  const result = validateAgentConfig(input);
  if (result.ok) throw new Error('expected the configuration to be refused');
  return result.problems;
}

describe('agent configuration document', () => {
  it('accepts a complete configuration with the CVAT presets', () => {
    const result = validateAgentConfig(buildSampleAgentConfig());
    expect(result.ok).toBe(true);
  });

  it('survives a JSON round trip unchanged, as it travels over the agent API', () => {
    const config = buildSampleAgentConfig();
    const result = validateAgentConfig(JSON.parse(JSON.stringify(config)));
    expect(result).toEqual({ ok: true, value: config });
  });

  it('fills defaults for optional rule fields', () => {
    const config = buildSampleAgentConfig();
    const raw = JSON.parse(JSON.stringify(config)) as {
      applications: { rules: Record<string, unknown>[] }[];
    };
    raw.applications[0]!.rules = [{ priority: 1, pathMatch: 'EXACT', path: '/x', action: 'DENY' }];
    const result = validateAgentConfig(raw);
    expect(result.ok && result.value.applications[0]?.rules[0]).toEqual({
      priority: 1,
      pathMatch: 'EXACT',
      path: '/x',
      methods: [],
      conditions: {},
      action: 'DENY',
      description: null,
    });
  });

  it('reports every problem at once, each with its path', () => {
    const config = buildSampleAgentConfig({
      version: 0,
      sessionKeys: [{ id: 'k', secret: 'dG9vLXNob3J0' }],
      applications: [
        buildSampleApplication({
          applicationUrl: 'ftp://example.com',
          listenPort: 70000,
          upstreamServers: [],
        }),
      ],
    });
    const paths = problemsOf(config).map((problem) => problem.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'version',
        'sessionKeys[0].secret',
        'applications[0].applicationUrl',
        'applications[0].listenPort',
        'applications[0].upstreamServers',
      ]),
    );
  });

  it('refuses a missing top-level section', () => {
    const { applications: _applications, ...withoutApplications } = buildSampleAgentConfig();
    expect(problemsOf(withoutApplications)).toContainEqual({
      path: 'applications',
      message: expect.any(String) as string,
    });
  });

  it('refuses an application bound to an identity provider the document does not carry', () => {
    const config = buildSampleAgentConfig({
      applications: [buildSampleApplication({ idpIds: ['idp_dev', 'idp_missing'] })],
    });
    expect(problemsOf(config)).toEqual([
      {
        path: 'applications[0].idpIds[1]',
        message: 'identity provider "idp_missing" is not in this configuration',
      },
    ]);
  });

  it('lets applications share a port only when their hosts differ', () => {
    const shared = buildSampleAgentConfig({
      applications: [
        buildSampleApplication({ id: 'a', applicationUrl: 'https://cvat.example.com' }),
        buildSampleApplication({ id: 'b', applicationUrl: 'https://wiki.example.com' }),
      ],
    });
    expect(validateAgentConfig(shared).ok).toBe(true);

    const clash = buildSampleAgentConfig({
      applications: [
        buildSampleApplication({ id: 'a', applicationUrl: 'https://cvat.example.com' }),
        buildSampleApplication({ id: 'b', applicationUrl: 'https://CVAT.example.com/other' }),
      ],
    });
    expect(problemsOf(clash).map((problem) => problem.path)).toEqual([
      'applications[1].applicationUrl',
    ]);
  });

  it('refuses duplicate ids', () => {
    const config = buildSampleAgentConfig();
    const idp = config.identityProviders[0]!;
    const app = config.applications[0]!;
    const duplicated = { ...config, identityProviders: [idp, idp], applications: [app, app] };
    const paths = problemsOf(duplicated).map((problem) => problem.path);
    expect(paths).toContain('identityProviders[1].id');
    expect(paths).toContain('applications[1].id');
  });

  it('refuses an identity provider without the openid scope or with a bad issuer', () => {
    const config = buildSampleAgentConfig();
    const idp = { ...config.identityProviders[0]!, scopes: ['email'], issuer: 'not a url' };
    const paths = problemsOf({ ...config, identityProviders: [idp] }).map((p) => p.path);
    expect(paths).toEqual(['identityProviders[0].issuer', 'identityProviders[0].scopes']);
  });

  it('refuses session settings where the idle timeout exceeds the lifetime', () => {
    const app = buildSampleApplication({ session: { maxAgeSeconds: 60, idleTimeoutSeconds: 120 } });
    expect(problemsOf(buildSampleAgentConfig({ applications: [app] }))).toEqual([
      {
        path: 'applications[0].session.idleTimeoutSeconds',
        message: 'must not exceed maxAgeSeconds',
      },
    ]);
  });

  it('refuses a reserved path prefix that is not a clean path', () => {
    for (const prefix of ['/', 'gatehouse', '/a/../b', '/datawiza/']) {
      const app = buildSampleApplication({ reservedPathPrefix: prefix });
      expect(problemsOf(buildSampleAgentConfig({ applications: [app] }))[0]?.path).toBe(
        'applications[0].reservedPathPrefix',
      );
    }
    const datawiza = buildSampleApplication({ reservedPathPrefix: '/datawiza' });
    expect(validateAgentConfig(buildSampleAgentConfig({ applications: [datawiza] })).ok).toBe(true);
  });

  it('refuses untrusted proxy entries that are not CIDR blocks', () => {
    const config = buildSampleAgentConfig({
      trustedProxies: ['10.0.0.0/8', '10.0.0.0/33', 'nope'],
    });
    expect(problemsOf(config).map((problem) => problem.path)).toEqual([
      'trustedProxies[1]',
      'trustedProxies[2]',
    ]);
  });
});
