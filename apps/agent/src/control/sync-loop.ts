import { setTimeout as sleep } from 'node:timers/promises';
import { configEtag } from '@gatehouse/contract';
import type { Logger } from '../observability/logger';
import { computeBackoffDelay, type BackoffPolicy } from './backoff';
import type { ConsoleClient } from './console-client';
import {
  ConsoleResponseError,
  ProvisioningKeyRejectedError,
  describeError,
} from './console-errors';

export interface SyncLoopOptions {
  client: ConsoleClient;
  /** Seconds the console may hold a pull until a newer version exists (`?wait=`). */
  longPollSeconds: number;
  backoff: BackoffPolicy;
  random: () => number;
  log: Logger;
  applyDocument(document: unknown): Promise<unknown>;
  onPullSucceeded(): void;
  onPullFailed(error: unknown, attempt: number): Promise<void>;
  /** The loop has ended for good when this is called. */
  onKeyRejected(error: ProvisioningKeyRejectedError): void;
}

export interface SyncLoop {
  stop(): Promise<void>;
}

/**
 * Pulls the configuration once, then long-polls with `If-None-Match`, so a change the console
 * commits reaches the agent within about a second. A refused document's ETag is remembered too:
 * the console keeps offering its newest version, and the agent must wait for the next one rather
 * than download the same broken document in a loop.
 */
export function startSyncLoop(options: SyncLoopOptions): SyncLoop {
  const { client, log } = options;
  const controller = new AbortController();
  const { signal } = controller;

  async function run(): Promise<void> {
    let etag: string | null = null;
    let failures = 0;
    while (!signal.aborted) {
      try {
        const waitSeconds = etag === null ? 0 : options.longPollSeconds;
        const pull = await client.pullConfig({ etag, waitSeconds, signal });
        if (failures > 0) log.info({ failedPulls: failures }, 'the console answers again');
        failures = 0;
        options.onPullSucceeded();
        if (pull.status === 'document') {
          const nextEtag = pull.etag ?? deriveEtag(pull.document);
          await options.applyDocument(pull.document);
          etag = nextEtag;
        }
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof ProvisioningKeyRejectedError) return options.onKeyRejected(error);
        failures += 1;
        const delay = computeBackoffDelay(failures, options.backoff, options.random);
        log.warn(
          { attempt: failures, retryInMs: delay, error: describeError(error) },
          'configuration pull failed; the agent keeps serving what it has',
        );
        await options.onPullFailed(error, failures);
        await sleep(delay, undefined, { signal }).catch(() => undefined);
      }
    }
  }

  const done = run();
  return {
    async stop() {
      controller.abort();
      await done;
    },
  };
}

/** When a console omits the ETag header, the contract still says what it would be. */
function deriveEtag(document: unknown): string {
  const candidate = document as { version?: unknown; deployment?: { id?: unknown } } | null;
  const version = candidate?.version;
  const deploymentId = candidate?.deployment?.id;
  if (typeof version === 'number' && typeof deploymentId === 'string') {
    return configEtag(deploymentId, version);
  }
  // Without one, every long poll would return the same document at once: back off instead.
  throw new ConsoleResponseError('the console sent a configuration without an ETag or version');
}
