import { setTimeout as sleep } from 'node:timers/promises';
import { describeExit, type Service } from './spawn-service';

export interface WaitUntilReadyOptions {
  /** Resolves true once the service answers as expected; false (or a network error) to retry. */
  probe: (signal: AbortSignal) => Promise<boolean>;
  /** What to tell the person when the deadline passes. */
  timeoutMs: number;
  hint: string;
  signal: AbortSignal;
}

/**
 * Polls `probe` until it says ready. Fails at once, with the service's last lines, if the service
 * exits meanwhile or `probe` throws a `NotReadyError`; fails with `hint` at the deadline.
 */
export async function waitUntilReady(service: Service, options: WaitUntilReadyOptions) {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const give = AbortSignal.any([deadline, options.signal]);
  let exit: string | undefined;
  void service.exited.then((status) => (exit = describeExit(status)));
  while (exit === undefined) {
    options.signal.throwIfAborted();
    if (deadline.aborted) {
      throw new Error(
        `${service.name} was not ready within ${options.timeoutMs / 1000} s. ${options.hint}\n` +
          `Its last lines:\n${service.tail()}`,
      );
    }
    try {
      if (await options.probe(give)) return;
    } catch (error) {
      if (error instanceof NotReadyError) throw error;
      // Not listening yet, or the attempt ran into the deadline: the loop decides.
    }
    await sleep(250);
  }
  throw new Error(
    `${service.name} exited (${exit}) while starting. Its last lines:\n${service.tail()}`,
  );
}

/** Thrown by a probe when waiting longer cannot help (say, the console refused our API token). */
export class NotReadyError extends Error {}

/** The HTTP status of a GET, or undefined when nothing answers yet. */
export async function probeStatus(
  url: string,
  signal: AbortSignal,
  headers: Record<string, string> = {},
): Promise<number | undefined> {
  try {
    const response = await fetch(url, { headers, signal, redirect: 'manual' });
    await response.body?.cancel();
    return response.status;
  } catch {
    return undefined;
  }
}
