import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browse, readWhoami, signIn } from '../testing/browser';
import { startTestStack, type TestStack } from '../testing/start-test-stack';

const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
const deploymentId = `dep_redis_${randomUUID()}`;
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    redis,
    config: { deployment: { id: deploymentId, name: 'Redis test' } },
  });
});
afterAll(async () => {
  await stack.close();
  const keys = await redis.keys(`gatehouse:session:${deploymentId}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe('sessions in Redis', () => {
  it('keep only an opaque id in the browser', async () => {
    const { jar, response } = await signIn(
      `${stack.agent.url}/whoami?format=json`,
      'alice@example.com',
    );
    expect((await readWhoami(response)).email).toBe('alice@example.com');
    const cookie = jar.cookieHeaderFor(stack.agent.url) ?? '';
    expect(cookie).toMatch(/gatehouse_[A-Za-z0-9]+_0=[A-Za-z0-9_-]{43}(;|$)/);
    expect(await redis.keys(`gatehouse:session:${deploymentId}:*`)).not.toHaveLength(0);
  });

  it('are revoked for every copy of the cookie at logout', async () => {
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'bob@example.com');
    const stolen = jar.cookieHeaderFor(stack.agent.url) ?? '';
    await browse(jar, `${stack.agent.url}/.gatehouse/logout`);
    const replay = await fetch(`${stack.agent.url}/whoami?format=json`, {
      headers: { cookie: stolen, accept: 'text/html' },
      redirect: 'manual',
    });
    expect(replay.status).toBe(302);
  });

  it('are revoked when deleted from Redis', async () => {
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'carol@example.com');
    expect((await browse(jar, `${stack.agent.url}/whoami?format=json`)).status).toBe(200);
    const keys = await redis.keys(`gatehouse:session:${deploymentId}:*`);
    await redis.del(...keys);
    expect((await browse(jar, `${stack.agent.url}/whoami?format=json`)).status).toBe(302);
  });
});
