// docker-compose.yml and deploy/compose/cvat.header-auth.yml, checked without a Docker engine:
// what they pass each program is what that program's own env.ts accepts.
import { describe, expect, it } from 'vitest';
import { readEnvKeys, validateAppEnv, type AppName } from './support/app-env';
import {
  listVariables,
  readEnvFile,
  resolveEnvironment,
  type ComposeFile,
  type ComposeService,
} from './support/compose';
import { ComposeMergeTag, exists, readText, readYaml } from './support/repository';
import { generateSampleSecrets } from './support/sample-secrets';

const compose = readYaml('docker-compose.yml') as ComposeFile;
const example = readEnvFile(readText('deploy/compose.env.example'));
// .env as an operator fills it in: the example plus generated secrets.
const dotEnv = { ...example.values, ...generateSampleSecrets() };

function appBuiltBy(service: ComposeService): AppName | undefined {
  return /^apps\/([^/]+)\/Dockerfile$/.exec(service.build?.dockerfile ?? '')?.[1] as AppName;
}

const programs = Object.entries(compose.services).flatMap(([name, service]) => {
  const app = appBuiltBy(service);
  // console-migrate runs the console image's Prisma CLI, not the console: checked separately.
  return app && service.command === undefined ? [{ name, service, app }] : [];
});

describe('docker-compose.yml', () => {
  it('builds every Gatehouse image from a Dockerfile in this repository', () => {
    expect(programs.map(({ app }) => app).sort()).toEqual([
      'agent',
      'console',
      'demo-upstream',
      'dev-idp',
    ]);
    for (const { service } of programs) {
      expect(service.build?.context).toBe('.');
      expect(exists(service.build!.dockerfile)).toBe(true);
    }
  });

  it('documents every variable it reads in deploy/compose.env.example', () => {
    const used = listVariables(readText('docker-compose.yml'));
    expect([...used].filter((name) => !example.documented.has(name))).toEqual([]);
  });

  it.each(programs.map(({ name, service, app }) => [name, service, app] as const))(
    'passes %s only variables its env.ts reads',
    (_name, service, app) => {
      const accepted = readEnvKeys(app);
      const set = Object.keys(service.environment ?? {});
      expect(set.filter((variable) => !accepted.has(variable))).toEqual([]);
    },
  );

  it.each(programs.map(({ name, service, app }) => [name, service, app] as const))(
    'gives %s an environment its own validation accepts, once .env is filled in',
    async (_name, service, app) => {
      const environment = resolveEnvironment(service, dotEnv);
      expect(await validateAppEnv(app, environment)).toEqual({ ok: true });
    },
  );

  it('stops with a message naming each secret .env still lacks', () => {
    const { POSTGRES_PASSWORD: _omitted, ...withoutPassword } = dotEnv;
    expect(() => resolveEnvironment(compose.services.postgres!, withoutPassword)).toThrow(
      /POSTGRES_PASSWORD.*compose\.env\.example/,
    );
    expect(() => resolveEnvironment(compose.services.console!, example.values)).toThrow(
      /GATEHOUSE_ENCRYPTION_KEY.*openssl rand/,
    );
  });

  it('lets the agent start only with a provisioning pair: it refuses the empty one', async () => {
    const environment = resolveEnvironment(compose.services.agent!, example.values);
    const verdict = await validateAppEnv('agent', environment);
    expect(verdict.ok).toBe(false);
    expect(JSON.stringify(verdict)).toContain('PROVISIONING_KEY');
  });

  it('migrates with the database URL the console uses, before the console starts', () => {
    const migrate = compose.services['console-migrate']!;
    expect(migrate.command).toEqual(['node_modules/.bin/prisma', 'migrate', 'deploy']);
    expect(resolveEnvironment(migrate, dotEnv).DATABASE_URL).toBe(
      resolveEnvironment(compose.services.console!, dotEnv).DATABASE_URL,
    );
    expect(readText('prisma.config.ts')).toContain('DATABASE_URL');
    expect(compose.services.console!.depends_on).toEqual({
      'console-migrate': { condition: 'service_completed_successfully' },
    });
  });

  it('publishes no port of the upstream, the database or Redis', () => {
    for (const name of ['demo-upstream', 'postgres', 'redis']) {
      expect(compose.services[name]).toBeDefined();
      expect(compose.services[name]!.ports).toBeUndefined();
    }
    // Said where someone would add one.
    expect(readText('docker-compose.yml')).toMatch(/No `ports:`, on purpose[\s\S]*X-Email/);
  });

  it('serves the agent on the listen port of the documented example', () => {
    expect(compose.services.agent!.ports).toEqual(['9772:9772']);
    expect(compose.services.agent!.volumes).toEqual(['agent-state:/var/lib/gatehouse']);
  });
});

describe('deploy/compose/cvat.header-auth.yml', () => {
  const override = readYaml('deploy/compose/cvat.header-auth.yml') as ComposeFile;
  const exported: Record<string, string> = {
    ...generateSampleSecrets(),
    GATEHOUSE_CONSOLE_URL: 'https://console.example.com',
  };

  it("empties traefik's ports with a merge tag: a plain list would be merged with CVAT's 8080", () => {
    const ports = override.services.traefik!.ports;
    expect(ports).toBeInstanceOf(ComposeMergeTag);
    expect((ports as ComposeMergeTag).value).toEqual([]);
  });

  it('turns on header authentication in the CVAT server', () => {
    expect(override.services.cvat_server!.environment).toEqual({ HEADER_AUTH_ENABLE: 'true' });
  });

  it("puts the agent on CVAT's network with an environment the agent accepts", async () => {
    const agent = override.services['gatehouse-agent']!;
    expect(agent.networks).toEqual(['cvat']);
    const accepted = readEnvKeys('agent');
    expect(Object.keys(agent.environment ?? {}).filter((name) => !accepted.has(name))).toEqual([]);
    expect(await validateAppEnv('agent', resolveEnvironment(agent, exported))).toEqual({
      ok: true,
    });
  });

  it('refuses to start without the provisioning pair and the console URL', () => {
    const agent = override.services['gatehouse-agent']!;
    for (const missing of ['PROVISIONING_KEY', 'PROVISIONING_SECRET', 'GATEHOUSE_CONSOLE_URL']) {
      const { [missing]: _omitted, ...rest } = exported;
      expect(() => resolveEnvironment(agent, rest)).toThrow(missing);
    }
  });
});
