import pg from 'pg';
import { getEnv } from '@/env';
import { CONFIG_CHANNEL } from '../deployments/bump-config-version';

// One LISTEN connection per console process, however many agents are long-polling; waiters
// register in this map by deployment id. NOTIFY reaches every replica's listener, so a change
// committed through any replica wakes agents polling any other.
const waiters = new Map<string, Set<() => void>>();
let listener: Promise<pg.Client> | undefined;

export interface ConfigSubscription {
  /** Resolves on the next change notification for the deployment (or when listening broke). */
  changed: Promise<void>;
  close(): void;
}

/**
 * Starts listening for changes of one deployment. Subscribe *before* reading the current
 * version: a change committed between the read and the wait then still wakes the waiter.
 */
export async function subscribeToConfigChanges(deploymentId: string): Promise<ConfigSubscription> {
  await ensureListening();
  let wake!: () => void;
  const changed = new Promise<void>((resolve) => (wake = resolve));
  const set = waiters.get(deploymentId) ?? new Set();
  set.add(wake);
  waiters.set(deploymentId, set);
  return {
    changed,
    close() {
      set.delete(wake);
      if (set.size === 0 && waiters.get(deploymentId) === set) waiters.delete(deploymentId);
    },
  };
}

function ensureListening(): Promise<pg.Client> {
  listener ??= connect().catch((error: unknown) => {
    listener = undefined;
    throw error;
  });
  return listener;
}

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: getEnv().databaseUrl, keepAlive: true });
  const lost = () => {
    if (listener === undefined) return;
    listener = undefined;
    // Notifications may have been missed while the connection was down: every waiter re-reads.
    wakeEveryone();
    client.end().catch(() => undefined);
  };
  client.on('notification', (message) => {
    if (message.channel === CONFIG_CHANNEL && message.payload) wake(message.payload);
  });
  client.on('error', (error) => {
    console.error('config listener: connection error, reconnecting on next poll', error);
    lost();
  });
  client.on('end', lost);
  await client.connect();
  await client.query(`LISTEN ${CONFIG_CHANNEL}`);
  return client;
}

function wake(deploymentId: string): void {
  const set = waiters.get(deploymentId);
  if (!set) return;
  waiters.delete(deploymentId);
  for (const resolve of set) resolve();
}

function wakeEveryone(): void {
  for (const deploymentId of [...waiters.keys()]) wake(deploymentId);
}

/** Closes the listening connection and wakes all waiters (shutdown, end of a test file). */
export async function stopConfigListener(): Promise<void> {
  const current = listener;
  listener = undefined;
  wakeEveryone();
  if (current) await (await current.catch(() => undefined))?.end();
}
