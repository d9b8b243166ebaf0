// Sessions in Redis can be revoked: after logout, a copied session cookie opens nothing, on the
// replica that signed the user out at once and on every other replica of the deployment within
// the Redis cache time. Forged session ids never reach the application.
import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil } from '../../src/control/testing/http-probe';
import { BROWSER_ACCEPT, browse, signIn } from '../../src/pipeline/testing/browser';
import {
  startPipelineHarness,
  type PipelineHarness,
} from '../../src/pipeline/testing/start-pipeline-harness';
import type { TestStack } from '../../src/pipeline/testing/start-test-stack';
import { startSecurityStack } from './support/security-stack';

const REPLICA_CACHE_MS = 300;
const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
const deploymentId = `dep_replay_${randomUUID()}`;
let stack: TestStack;
let replica: PipelineHarness;
beforeAll(async () => {
  stack = await startSecurityStack({
    redis,
    config: { deployment: { id: deploymentId, name: 'Replay test' } },
  });
  // A second replica of the same deployment (same keys, same Redis), caching sessions briefly.
  replica = await startPipelineHarness({ redis, redisSessionCacheMilliseconds: REPLICA_CACHE_MS });
  await replica.apply(stack.config);
});
afterAll(async () => {
  await replica.close();
  await stack.close();
  const keys = await redis.keys(`gatehouse:session:${deploymentId}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

function replay(origin: string, cookie: string): Promise<Response> {
  return fetch(`${origin}/whoami?format=json`, {
    headers: { cookie, accept: BROWSER_ACCEPT },
    redirect: 'manual',
  });
}

describe('a session cookie replayed after logout (Redis mode)', () => {
  it('opens nothing on the replica that signed out, and soon nothing on the others', async () => {
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'alice@example.com');
    const stolen = jar.cookieHeaderFor(stack.agent.url) ?? '';
    // Both replicas accept the session before the logout (the other one now caches it).
    expect((await replay(stack.agent.url, stolen)).status).toBe(200);
    expect((await replay(replica.url, stolen)).status).toBe(200);

    await browse(jar, `${stack.agent.url}/.gatehouse/logout`);
    expect((await replay(stack.agent.url, stolen)).status).toBe(302);
    await pollUntil(
      async () => (await replay(replica.url, stolen)).status,
      (status) => status === 302,
      REPLICA_CACHE_MS + 5_000,
    );
  });

  it.each([
    ['a random session id of the right shape', () => randomBytes(32).toString('base64url')],
    ['a session id too short to be ours', () => 'abc'],
    ['a Redis key pattern as session id', () => '*'],
    ['a sealed cookie-mode session', () => 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z'],
  ])('%s opens nothing', async (_name, build) => {
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'bob@example.com');
    const name = (jar.cookieHeaderFor(stack.agent.url) ?? '')
      .split('; ')
      .map((pair) => pair.slice(0, pair.indexOf('=')))
      .find((cookie) => /^gatehouse_[A-Za-z0-9]+_0$/.test(cookie));
    const response = await replay(stack.agent.url, `${name}=${build()}`);
    expect(response.status).toBe(302);
  });
});
