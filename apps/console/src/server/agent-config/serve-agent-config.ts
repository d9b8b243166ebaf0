import { configEtag } from '@gatehouse/contract';
import { runInTransaction } from '@gatehouse/db';
import { getEnv } from '@/env';
import { getPrisma } from '../db/get-prisma';
import { AppError } from '../errors/app-error';
import { assertProvisioningKeyActive, type AgentCaller } from './authenticate-agent';
import { buildAgentConfig } from './build-agent-config';
import { subscribeToConfigChanges, type ConfigSubscription } from './config-listener';

export interface ServeOptions {
  ifNoneMatch: string | null;
  waitSeconds: number;
  signal?: AbortSignal;
}

/**
 * GET /api/agent/v1/config. 200 with the document and its ETag, or 304 when the agent's
 * If-None-Match names the current version. With a wait, a 304 is held back until the deployment
 * changes (NOTIFY), the wait runs out or the agent goes away, whichever comes first.
 */
export async function serveAgentConfig(
  agent: AgentCaller,
  options: ServeOptions,
): Promise<Response> {
  const deadline = Date.now() + options.waitSeconds * 1000;
  let subscription: ConfigSubscription | undefined;
  try {
    for (;;) {
      // Subscribed before reading the version, so a change committed in between still wakes us.
      if (options.waitSeconds > 0)
        subscription = await subscribeToConfigChanges(agent.deploymentId);
      const version = await readVersion(agent.deploymentId);
      if (!etagMatches(options.ifNoneMatch, configEtag(agent.deploymentId, version))) {
        return await respondWithConfig(agent.deploymentId);
      }
      const remaining = deadline - Date.now();
      if (!subscription || remaining <= 0 || options.signal?.aborted) {
        return notModified(agent.deploymentId, version);
      }
      await waitFor(subscription.changed, remaining, options.signal);
      subscription.close();
      subscription = undefined;
      // Woken: the key may have been revoked or the deployment deleted meanwhile.
      await assertProvisioningKeyActive(agent.provisioningKeyId);
    }
  } finally {
    subscription?.close();
  }
}

async function readVersion(deploymentId: string): Promise<number> {
  const deployment = await getPrisma().deployment.findUnique({
    where: { id: deploymentId },
    select: { configVersion: true },
  });
  if (!deployment) throw new AppError('unauthorized', 'deployment deleted');
  return deployment.configVersion;
}

async function respondWithConfig(deploymentId: string): Promise<Response> {
  // One snapshot: the version in the document is the version of everything in it.
  const result = await runInTransaction(
    getPrisma(),
    (tx) => buildAgentConfig(tx, deploymentId, getEnv().encryptionKey),
    { isolationLevel: 'RepeatableRead' },
  );
  if (!result) throw new AppError('unauthorized', 'deployment deleted');
  if (!result.ok) {
    // Every write is checked against the contract before it commits, so this means a bug or a
    // hand-edited database; agents keep their last good configuration meanwhile.
    console.error(
      'agent config: stored configuration fails the contract',
      deploymentId,
      result.problems,
    );
    throw new AppError('internal', 'The stored configuration is invalid; see the console logs.');
  }
  return Response.json(result.value, {
    headers: {
      ETag: configEtag(deploymentId, result.value.version),
      'Cache-Control': 'no-store',
    },
  });
}

function notModified(deploymentId: string, version: number): Response {
  return new Response(null, {
    status: 304,
    headers: { ETag: configEtag(deploymentId, version), 'Cache-Control': 'no-store' },
  });
}

/** RFC 9110 §13.1.2: a list of entity tags, weak ones compared weakly, or `*`. */
export function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

function waitFor(changed: Promise<void>, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    void changed.then(done);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
