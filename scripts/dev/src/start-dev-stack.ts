// `pnpm dev`, top to bottom. Each step that leaves something running registers how to stop it;
// stopping goes in reverse (agent, console, dev IdP, demo upstream, database), also when a step
// fails or Ctrl-C comes in the middle of starting.
import { mkdir } from 'node:fs/promises';
import { assertPortsFree } from './check-ports';
import { prepareDatabase } from './database/prepare-database';
import { provideDatabase } from './database/provide-database';
import type { DevEnv } from './env';
import { formatSummary } from './format-summary';
import type { DevLog } from './log/dev-log';
import type { Service } from './processes/spawn-service';
import { createConsoleApi } from './seed/console-api';
import { provideProvisioningKey } from './seed/provide-provisioning-key';
import { seedDemo } from './seed/seed-demo';
import { startAgent } from './services/start-agent';
import { consoleUrl, startConsole } from './services/start-console';
import { startDemoUpstream } from './services/start-demo-upstream';
import { DEMO_CLIENT, devIdpIssuer, startDevIdp } from './services/start-dev-idp';
import { readOrCreateDevSecrets } from './state/read-or-create-dev-secrets';

export interface DevStack {
  /** The long-running programs, in start order (the database is not one of them). */
  services: Service[];
  stop(): Promise<void>;
}

export async function startDevStack(
  env: DevEnv,
  log: DevLog,
  signal: AbortSignal,
): Promise<DevStack> {
  const services: Service[] = [];
  const stops: { name: string; stop: () => Promise<unknown> }[] = [];
  const stop = async () => {
    for (const { name, stop: stopOne } of stops.splice(0).reverse()) {
      log.info(`stopping ${name}`);
      await stopOne();
      log.info(`stopped ${name}`);
    }
  };
  const keep = (service: Service) => {
    log.info(`${service.name} is up (pid ${service.pid})`);
    services.push(service);
    stops.push({ name: service.name, stop: () => service.stop() });
    signal.throwIfAborted();
    return service;
  };

  try {
    await assertPortsFree(env);
    await mkdir(env.dataDir, { recursive: true });
    const secrets = await readOrCreateDevSecrets(env.dataDir);
    const apiToken = env.bootstrap.token ?? secrets.apiToken;

    const database = await provideDatabase(env, (line) => log.line('postgres', line));
    stops.push({ name: 'database', stop: () => database.stop() });
    signal.throwIfAborted();
    await prepareDatabase(env, database.url, log);

    keep(await startDemoUpstream(env, log, signal));
    keep(await startDevIdp(env, log, signal));
    log.info('starting the console (next dev compiles each page on first use; be patient)');
    keep(
      await startConsole(
        env,
        {
          databaseUrl: database.url,
          encryptionKey: env.secrets.encryptionKey ?? secrets.encryptionKey,
          nextAuthSecret: env.secrets.nextAuthSecret ?? secrets.nextAuthSecret,
          apiToken,
        },
        log,
        signal,
      ),
    );

    log.info('seeding the demo deployment through the REST API');
    const api = createConsoleApi(`http://127.0.0.1:${env.ports.console}`, apiToken);
    const applicationUrl = `http://localhost:${env.ports.agent}`;
    const demo = await seedDemo(api, {
      applicationUrl,
      listenPort: env.ports.agent,
      upstreamUrl: `http://127.0.0.1:${env.ports.upstream}`,
      issuer: devIdpIssuer(env),
      ...DEMO_CLIENT,
    });
    for (const warning of demo.warnings) log.info(`warning: ${warning}`);
    const { key, reused } = await provideProvisioningKey(api, env.dataDir, demo.deploymentId);
    log.info(`${reused ? 'reusing' : 'created'} provisioning key ${key.key}`);
    signal.throwIfAborted();
    keep(await startAgent(env, key, log, signal));

    log.raw(
      formatSummary({
        applicationUrl,
        consoleUrl: consoleUrl(env),
        idpUrl: devIdpIssuer(env),
        upstreamUrl: `http://127.0.0.1:${env.ports.upstream}`,
        agentAdminUrl: `http://127.0.0.1:${env.ports.agentAdmin}`,
        owner: env.bootstrap,
        apiToken,
        dataDir: env.dataDir,
        database: database.embedded
          ? `PostgreSQL on 127.0.0.1:${env.ports.postgres}`
          : 'the database of DATABASE_URL',
      }),
    );
    return { services, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
