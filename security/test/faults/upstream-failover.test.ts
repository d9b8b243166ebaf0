// One of two upstream servers dies (SIGKILL): at most the request already on its way fails, every
// later one is served by the other; with both dead, users get the agent's 502 page.
import { createTestDatabase, type TestDatabase } from '@gatehouse/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWhoami, signIn } from '../../src/browser/browse';
import { startUpstreamProcess, type UpstreamProcess } from '../../src/processes/upstream-process';
import { startSecurityStack, type SecurityStack } from '../../src/start-security-stack';

let db: TestDatabase;
let first: UpstreamProcess;
let second: UpstreamProcess;
let stack: SecurityStack;
beforeAll(async () => {
  [db, first, second] = await Promise.all([
    createTestDatabase(),
    startUpstreamProcess('upstream-1'),
    startUpstreamProcess('upstream-2'),
  ]);
  stack = await startSecurityStack({
    databaseUrl: db.url,
    upstreamServers: [first.url, second.url],
  });
  await stack.startAgent('agent');
});
afterAll(async () => {
  await stack?.close();
  await Promise.all([first?.close(), second?.close(), db?.drop()]);
});

describe('upstream servers dying', () => {
  it('one of two: no failure after the first, both: a 502 page', async () => {
    const alice = await signIn(`${stack.applicationUrl}/whoami`, 'alice@example.com');
    // Both servers in use, with pooled keep-alive connections to each.
    for (let index = 0; index < 10; index += 1) {
      expect((await fetchWhoami(alice, stack.applicationUrl)).status).toBe(200);
    }

    await first.child.kill();
    const statuses: number[] = [];
    for (let index = 0; index < 40; index += 1) {
      statuses.push((await fetchWhoami(alice, stack.applicationUrl)).status);
    }
    const failed = statuses.filter((status) => status !== 200);
    expect(failed.length, statuses.join(' ')).toBeLessThanOrEqual(1);
    expect(
      statuses.slice(1).every((status) => status === 200),
      statuses.join(' '),
    ).toBe(true);

    await second.child.kill();
    const down = await fetchWhoami(alice, stack.applicationUrl);
    expect(down.status).toBe(502);
    expect(down.text).toContain('is not answering');
    expect(down.text).toContain('Try again in a minute');
  });
});
