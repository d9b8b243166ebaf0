// Load without loss: two agent replicas of one deployment (same keys, each on its own loopback
// address and the same port), thousands of users' sessions spread over both, the configuration
// changing every second throughout. Every request must be answered by the application (no 5xx,
// no dropped connection), decided under exactly one configuration version (the upstream sees the
// attribute-pass header names of a single version, never a mix), no replica may go back to an
// older version, and the agents' heap after a full collection stays flat from one half of the
// run to the next.
import { findFreePort, pollUntil } from '@gatehouse/agent/testing';
import { createTestDatabase, type TestDatabase } from '@gatehouse/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWhoami, signIn } from '../../src/browser/browse';
import { pullDocument } from '../../src/console/console-api';
import { mintSessionCookies } from '../../src/load/mint-sessions';
import { runLoad, type LoadResult, type LoadTarget } from '../../src/load/run-load';
import type { AgentProcess } from '@gatehouse/agent/testing';
import { connectHeapInspector, type HeapInspector } from '../../src/processes/heap-inspector';
import { startUpstreamProcess, type UpstreamProcess } from '../../src/processes/upstream-process';
import { startSecurityStack, type SecurityStack } from '../../src/start-security-stack';

const USERS = 2_000;
const REQUESTS_PER_HALF = 3_000;
// Bounds each half on a slow or busy machine; below MIN_REQUESTS_PER_HALF the run proves too little.
const MAX_HALF_MS = 12_000;
const MIN_REQUESTS_PER_HALF = 1_000;
const CONCURRENCY = 16;
const REPLICAS = ['127.0.0.1', '127.0.0.2'];
// Heap an agent may keep from one half of the run to the next: a few sessions first seen in the
// second half, nothing per request or per configuration version.
const HEAP_GROWTH_ALLOWED = 4 * 1024 * 1024;

let db: TestDatabase;
let upstream: UpstreamProcess;
let stack: SecurityStack;
const replicas: Array<{ agent: AgentProcess; heap: HeapInspector; target: LoadTarget }> = [];
beforeAll(async () => {
  [db, upstream] = await Promise.all([createTestDatabase(), startUpstreamProcess('upstream')]);
  stack = await startSecurityStack({ databaseUrl: db.url, upstreamServers: [upstream.url] });
  const port = Number(new URL(stack.applicationUrl).port);
  for (const [index, address] of REPLICAS.entries()) {
    const inspectPort = await findFreePort();
    const agent = await stack.startAgent(`replica-${index}`, {
      listenHost: address,
      nodeArgs: [`--inspect=127.0.0.1:${inspectPort}`],
    });
    replicas.push({
      agent,
      heap: await connectHeapInspector(inspectPort),
      target: { name: `replica-${index}`, address, port },
    });
  }
});
afterAll(async () => {
  replicas.forEach(({ heap }) => heap.close());
  await stack?.close();
  await Promise.all([upstream?.close(), db?.drop()]);
});

/** Attribute pass of change `n`: both headers carry the marker, so a mixed request shows. */
function markedRows(n: number) {
  return [
    { field: 'email', name: `X-Email-V${n}`, type: 'HEADER', join: null },
    { field: 'role', name: `X-Groups-V${n}`, type: 'HEADER', join: ':' },
  ];
}

async function change(n: number): Promise<void> {
  await stack.api.call('PUT', `applications/${stack.deployment.applicationId}/attribute-pass`, {
    rows: markedRows(n),
  });
}

/** The markers of the identity headers the upstream received. */
function markersOf(result: LoadResult): string[] {
  return Object.keys(result.body?.headers ?? {})
    .map((name) => /^x-(email|groups)-v(\d+)$/.exec(name))
    .filter((match) => match !== null)
    .map((match) => `${match[1]}:${match[2]}`);
}

describe('two replicas under load while the configuration changes every second', () => {
  it('answer every request, each under one configuration version, with flat memory', async () => {
    await change(0);
    // A real sign-in on one replica is the name of the session cookie, and opens the other.
    const alice = await signIn(`${stack.applicationUrl}/whoami`, 'alice@example.com');
    const sessionCookie = (alice.cookieHeaderFor(stack.applicationUrl) ?? '')
      .split('; ')
      .find((pair) => /^gatehouse_[A-Za-z0-9]+_0=/.test(pair));
    if (!sessionCookie) throw new Error('no session cookie after signing in');
    const cookieName = sessionCookie.slice(0, sessionCookie.indexOf('='));
    await pollUntil(
      () => fetchWhoami(alice, stack.applicationUrl),
      (answer) => answer.whoami?.headers['x-email-v0']?.[0] === 'alice@example.com',
      30_000,
    );
    const minted = await mintSessionCookies(await pullDocument(stack), USERS);
    const cookies = [sessionCookie, ...minted.map((value) => `${cookieName}=${value}`)];
    const load = {
      targets: replicas.map(({ target }) => target),
      host: new URL(stack.applicationUrl).host,
      path: '/whoami?format=json',
      cookies,
      requests: REQUESTS_PER_HALF,
      maxDurationMs: MAX_HALF_MS,
      concurrency: CONCURRENCY,
    };

    // One change a second, each after the previous one committed (two at once would race on the
    // same rows, which the console answers with 409).
    let changing = true;
    const changer = (async () => {
      for (let n = 1; changing; n += 1) {
        const next = Date.now() + 1_000;
        await change(n);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
      }
    })();
    let first: LoadResult[];
    let second: LoadResult[];
    const heapAfterFirst: number[] = [];
    const heapAfterSecond: number[] = [];
    try {
      first = await runLoad(load);
      for (const { heap } of replicas) heapAfterFirst.push(await heap.measureHeapAfterGc());
      second = await runLoad(load);
      for (const { heap } of replicas) heapAfterSecond.push(await heap.measureHeapAfterGc());
    } finally {
      changing = false;
      await changer;
    }
    const results = [...first, ...second];
    expect(first.length).toBeGreaterThanOrEqual(MIN_REQUESTS_PER_HALF);
    expect(second.length).toBeGreaterThanOrEqual(MIN_REQUESTS_PER_HALF);

    // The configuration really changed under the load, more than once.
    const versionsSeen = new Set(results.flatMap(markersOf).map((marker) => marker.split(':')[1]));
    expect(versionsSeen.size).toBeGreaterThan(2);

    const failures = results.filter((result) => result.status !== 200);
    expect(failures.map((result) => `${result.target} ${result.status}`).slice(0, 10)).toEqual([]);

    const mixed = results.filter((result) => {
      const markers = markersOf(result);
      const versions = new Set(markers.map((marker) => marker.split(':')[1]));
      return markers.length !== 2 || versions.size !== 1;
    });
    expect(mixed.slice(0, 5).map((result) => markersOf(result))).toEqual([]);
    // Each minted user reached the upstream as itself.
    const wrongUser = results.filter((result) => {
      const emails = Object.entries(result.body?.headers ?? {})
        .filter(([name]) => name.startsWith('x-email-v'))
        .flatMap(([, values]) => values);
      const expected =
        result.user === 0 ? 'alice@example.com' : `user${result.user - 1}@load.example.test`;
      return emails.length !== 1 || emails[0] !== expected;
    });
    expect(wrongUser.length).toBe(0);

    // A replica never answers with an older version than one it already answered with before
    // the request started.
    for (const { target } of replicas) {
      const own = results.filter((result) => result.target === target.name);
      const byEnd = [...own].sort((a, b) => a.endedAt - b.endedAt);
      const byStart = [...own].sort((a, b) => a.startedAt - b.startedAt);
      let newest = -1;
      let cursor = 0;
      for (const result of byStart) {
        while (cursor < byEnd.length && (byEnd[cursor] as LoadResult).endedAt < result.startedAt) {
          newest = Math.max(newest, versionOf(byEnd[cursor] as LoadResult));
          cursor += 1;
        }
        expect(versionOf(result), target.name).toBeGreaterThanOrEqual(newest);
      }
    }

    for (const [index, after] of heapAfterSecond.entries()) {
      const before = heapAfterFirst[index] ?? 0;
      expect(after - before, `replica-${index}: ${before} → ${after} bytes`).toBeLessThan(
        HEAP_GROWTH_ALLOWED,
      );
    }
  });
});

function versionOf(result: LoadResult): number {
  return Number(markersOf(result)[0]?.split(':')[1] ?? -1);
}
