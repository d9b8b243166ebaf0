import { randomBytes } from 'node:crypto';
import { startDemoUpstream, type DemoUpstream } from '@gatehouse/demo-upstream';
import { startDevIdp, type DevClientInput, type DevIdp } from '@gatehouse/dev-idp';
import { createTestDatabase, type TestDatabase } from '@gatehouse/db/testing';
import { ensureConsoleBuild } from './build-console';
import { skipConsoleBuild } from './env';
import { startConsole, type RunningConsole } from './start-console';

/** Where the running stack is; JSON-serializable, so the global setup can hand it to workers. */
export interface StackInfo {
  consoleUrl: string;
  databaseUrl: string;
  /** The console's secrets (tests sign session cookies or hash tokens as the console does). */
  encryptionKey: string;
  authSecret: string;
  idpIssuer: string;
  upstreamUrl: string;
}

export interface Stack {
  info: StackInfo;
  database: TestDatabase;
  idp: DevIdp;
  upstream: DemoUpstream;
  console: RunningConsole;
  /** Stops everything this started, the database dropped last. */
  stop(): Promise<void>;
}

export interface StartStackOptions {
  /** Relying parties the dev IdP accepts; the demo client (agent on :9772) by default. */
  idpClients?: readonly DevClientInput[];
}

/**
 * The whole stack, fresh: a migrated database of its own, the dev IdP and the demo upstream on
 * free ports, and the console (built first if its sources changed) pointing at that database.
 * Issue 7's whole-story spec adds an agent process on top of this.
 */
export async function startStack(options: StartStackOptions = {}): Promise<Stack> {
  const started: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const close of started.reverse()) await close().catch(() => {});
  };
  try {
    const [database, build] = await Promise.all([
      createTestDatabase(),
      ensureConsoleBuild({ skip: skipConsoleBuild }),
    ]);
    started.push(() => database.drop());
    console.info(`e2e: console build ${build === 'built' ? 'rebuilt' : 'up to date'}`);
    const idp = await startDevIdp(options.idpClients ? { clients: options.idpClients } : {});
    started.push(() => idp.close());
    const upstream = await startDemoUpstream();
    started.push(() => upstream.close());
    const encryptionKey = randomBytes(32).toString('base64');
    const authSecret = randomBytes(32).toString('base64url');
    const consoleApp = await startConsole({ databaseUrl: database.url, encryptionKey, authSecret });
    started.push(() => consoleApp.stop());
    return {
      info: {
        consoleUrl: consoleApp.url,
        databaseUrl: database.url,
        encryptionKey,
        authSecret,
        idpIssuer: idp.issuer,
        upstreamUrl: upstream.url,
      },
      database,
      idp,
      upstream,
      console: consoleApp,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
