import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Calls `attempt` until `accept` likes its result, every 100 ms, for at most `withinMs`; then
 * fails with the last result (or error) so the assertion message says what was seen instead.
 */
export async function pollUntil<T>(
  attempt: () => Promise<T>,
  accept: (value: T) => boolean,
  withinMs: number,
): Promise<T> {
  const deadline = Date.now() + withinMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await attempt();
      if (accept(value)) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`gave up after ${withinMs} ms; last saw: ${describe(last)}`);
    }
    await sleep(100);
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return JSON.stringify(value)?.slice(0, 1000) ?? String(value);
}

export interface PlainResponse {
  status: number;
  location: string | null;
  contentType: string | null;
  body: string;
}

/** A GET without following redirects, read whole: what a probe needs to compare. */
export async function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<PlainResponse> {
  const response = await fetch(url, { headers, redirect: 'manual' });
  return {
    status: response.status,
    location: response.headers.get('location'),
    contentType: response.headers.get('content-type'),
    body: await response.text(),
  };
}
