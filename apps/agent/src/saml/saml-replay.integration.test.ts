// A bearer assertion signs in once (saml-profiles-2.0-os §4.1.4.5). The request cookie alone does
// not stop a replay: an attacker who captured the POST has the cookie too, so the agent remembers
// the IDs of assertions it accepted, per process, or across replicas in Redis.
import { Redis } from 'ioredis';
import { buildSignedSamlResponse } from '@gatehouse/dev-idp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startPipelineHarness,
  type PipelineHarness,
} from '../pipeline/testing/start-pipeline-harness';
import { expectRefused, postToAcs, startSamlSignIn } from './testing/saml-browser';
import { startSamlStack, type SamlStack } from './testing/start-saml-stack';

/** Posts to an ACS with exactly the cookies given, as an attacker replaying a capture would. */
function replay(acsUrl: string, cookie: string, samlResponse: string, relayState: string) {
  return fetch(acsUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'text/html',
      cookie,
    },
    body: new URLSearchParams({ SAMLResponse: samlResponse, RelayState: relayState }),
    redirect: 'manual',
  });
}

describe('replayed SAML responses, one agent', () => {
  let stack: SamlStack;
  beforeAll(async () => {
    stack = await startSamlStack();
  });
  afterAll(() => stack.close());

  it('refuses the same response posted twice, request cookie and all', async () => {
    const started = await startSamlSignIn(stack);
    const captured = started.jar.cookieHeaderFor(stack.sp.acsUrl) ?? '';
    expect(captured).toContain('_saml_');
    const { samlResponse } = buildSignedSamlResponse(started.answer);
    const relayState = started.request.relayState ?? '';
    expect((await postToAcs(stack, started, samlResponse)).status).toBe(302);

    const again = await replay(stack.sp.acsUrl, captured, samlResponse, relayState);
    const page = await again.text();
    expect(again.status, page).toBe(403);
    expect(page).toContain('already used to sign in (a replay)');
    for (const cookie of again.headers.getSetCookie()) expect(cookie).toContain('Max-Age=0');
  });

  it('refuses a fresh-looking response that reuses an accepted assertion ID', async () => {
    const first = await startSamlSignIn(stack);
    const accepted = buildSignedSamlResponse(first.answer);
    expect((await postToAcs(stack, first, accepted.samlResponse)).status).toBe(302);

    const second = await startSamlSignIn(stack);
    const reused = buildSignedSamlResponse({
      ...second.answer,
      assertionId: accepted.assertionId,
    });
    await expectRefused(
      stack,
      second,
      await postToAcs(stack, second, reused.samlResponse),
      /already used to sign in/,
    );
  });
});

describe('replayed SAML responses, two replicas sharing Redis', () => {
  const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  let stack: SamlStack;
  let replica: PipelineHarness;
  beforeAll(async () => {
    stack = await startSamlStack({ redis });
    replica = await startPipelineHarness({ redis, redisSessionCacheMilliseconds: 0 });
    await replica.apply(stack.config);
  });
  afterAll(async () => {
    await Promise.all([stack.close(), replica.close()]);
    await redis.quit();
  });

  it('refuses on one replica an assertion the other already accepted', async () => {
    const started = await startSamlSignIn(stack);
    const captured = started.jar.cookieHeaderFor(stack.sp.acsUrl) ?? '';
    const { samlResponse } = buildSignedSamlResponse(started.answer);
    const relayState = started.request.relayState ?? '';
    expect((await postToAcs(stack, started, samlResponse)).status).toBe(302);

    // Same application (same URLs in the assertion), reached through the other replica.
    const otherAcs = `${replica.url}/.gatehouse/saml/acs`;
    const again = await replay(otherAcs, captured, samlResponse, relayState);
    const page = await again.text();
    expect(again.status, page).toBe(403);
    expect(page).toContain('already used to sign in (a replay)');
  });

  it('still signs in once on the other replica, so the refusal above is the replay cache', async () => {
    const started = await startSamlSignIn(stack);
    const captured = started.jar.cookieHeaderFor(stack.sp.acsUrl) ?? '';
    const { samlResponse } = buildSignedSamlResponse(started.answer);
    const otherAcs = `${replica.url}/.gatehouse/saml/acs`;
    const first = await replay(otherAcs, captured, samlResponse, started.request.relayState ?? '');
    expect(first.status, await first.text()).toBe(302);
  });
});
