// Redis down in Redis session mode fails closed: a request that needs a session gets the agent's
// "Sessions are unavailable" page (503) at once, never the application; sign-in cannot complete
// either. Regression: requests were held while ioredis retried, tens of seconds each. Redis back (empty: its sessions are gone), users sign in again and are served.
import { createTestDatabase, type TestDatabase } from '@gatehouse/db/testing';
import { startDemoUpstream, type DemoUpstream } from '@gatehouse/demo-upstream';
import { pollUntil } from '@gatehouse/agent/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWhoami, signIn } from '../../src/browser/browse';
import { startRedisProcess, type RedisProcess } from '../../src/processes/redis-process';
import { startSecurityStack, type SecurityStack } from '../../src/start-security-stack';

let db: TestDatabase;
let upstream: DemoUpstream;
let redis: RedisProcess;
let stack: SecurityStack;
beforeAll(async () => {
  [db, upstream, redis] = await Promise.all([
    createTestDatabase(),
    startDemoUpstream({ port: 0 }),
    startRedisProcess(),
  ]);
  stack = await startSecurityStack({ databaseUrl: db.url, upstreamServers: [upstream.url] });
  await stack.startAgent('agent', { redisUrl: redis.url });
});
afterAll(async () => {
  await stack?.close();
  await Promise.all([upstream?.close(), redis?.close(), db?.drop()]);
});

describe('Redis down (REDIS_URL set)', () => {
  it('fails closed with a clear page, then recovers when Redis is back', async () => {
    const alice = await signIn(`${stack.applicationUrl}/whoami`, 'alice@example.com');
    expect((await fetchWhoami(alice, stack.applicationUrl)).whoami?.email).toBe(
      'alice@example.com',
    );

    await redis.kill();
    // A replica trusts a session it read for a few seconds (the documented revocation delay);
    // after that, every request needing the session is refused, never served.
    const refused = await pollUntil(
      () => fetchWhoami(alice, stack.applicationUrl),
      (answer) => answer.status !== 200,
      30_000,
    );
    expect(refused.status).toBe(503);
    expect(refused.text).toContain('Sessions are unavailable');
    expect(refused.text).toContain('Try again in a minute');
    // At once, not after Redis reconnect attempts: a request that hangs for tens of seconds and
    // then fails is no clear page (fetch gives up after five seconds here).
    for (let index = 0; index < 3; index += 1) {
      const answer = await fetchWhoami(alice, stack.applicationUrl, {
        signal: AbortSignal.timeout(5_000),
      });
      expect(answer.status).toBe(503);
    }
    await expect(signIn(`${stack.applicationUrl}/whoami`, 'bob@example.com')).rejects.toThrow(
      /503/,
    );

    await redis.start();
    // Redis came back empty: the old session is gone, so Alice signs in again and is served.
    const back = await pollUntil(
      () => fetchWhoami(alice, stack.applicationUrl),
      (answer) => answer.status === 302,
      30_000,
    );
    expect(back.status).toBe(302);
    const again = await signIn(`${stack.applicationUrl}/whoami`, 'alice@example.com');
    expect((await fetchWhoami(again, stack.applicationUrl)).whoami?.email).toBe(
      'alice@example.com',
    );
  });
});
