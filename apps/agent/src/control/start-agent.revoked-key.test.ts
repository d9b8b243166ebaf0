import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT_PROVISIONING_KEY_REJECTED } from '../exit-codes';
import { buildTestDocument, createAgentHarness, type AgentHarness } from './testing/agent-harness';
import { findFreePort, pollUntil, probe } from './testing/http-probe';

let harness: AgentHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('a revoked provisioning key', () => {
  it('turns every application into a 503 page, unreadies the agent, then exits non-zero', async () => {
    const [first, second] = [await findFreePort(), await findFreePort()];
    harness = await createAgentHarness(
      buildTestDocument(1, [
        { name: 'alpha', port: first },
        { name: 'beta', port: second },
      ]),
    );
    const agent = await harness.startAgent();
    await agent.ready;
    expect((await probe(`http://127.0.0.1:${second}/`)).status).toBe(200);

    harness.console.revokeKey();
    for (const port of [first, second]) {
      const page = await pollUntil(
        () => probe(`http://127.0.0.1:${port}/`),
        (response) => response.status === 503,
      );
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).toContain(
        'This application is unavailable: the Gatehouse agent&#39;s provisioning key was revoked or expired.',
      );
      expect(page.body).toContain('Ask your administrator');
    }
    expect((await probe(`${agent.adminUrl}/readyz`)).status).toBe(503);
    expect((await probe(`${agent.adminUrl}/healthz`)).status).toBe(200);

    await pollUntil(
      () => harness?.fatalCodes,
      (codes) => (codes?.length ?? 0) > 0,
    );
    expect(harness.fatalCodes).toEqual([EXIT_PROVISIONING_KEY_REJECTED]);
    expect(EXIT_PROVISIONING_KEY_REJECTED).not.toBe(0);
    // The owner withdrew the configuration: it must not be served from disk after a restart.
    await expect(access(join(harness.stateDir, 'config.json'))).rejects.toThrow('ENOENT');
  });

  it('at startup never serves, and the agent never becomes ready', async () => {
    const port = await findFreePort();
    harness = await createAgentHarness(buildTestDocument(1, [{ name: 'alpha', port }]));
    harness.console.revokeKey();
    const agent = await harness.startAgent();
    await expect(agent.ready).rejects.toThrow(
      'the console refused the provisioning key: provisioning key revoked',
    );
    await pollUntil(
      () => harness?.fatalCodes,
      (codes) => (codes?.length ?? 0) > 0,
    );
    expect((await probe(`${agent.adminUrl}/readyz`)).status).toBe(503);
  });
});
