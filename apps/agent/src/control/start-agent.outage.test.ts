import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestDocument, createAgentHarness, type AgentHarness } from './testing/agent-harness';
import { findFreePort, pollUntil, probe, probeFailure } from './testing/http-probe';

let harness: AgentHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const versionAt = async (port: number) =>
  (JSON.parse((await probe(`http://127.0.0.1:${port}/`)).body) as { version: number }).version;

const countLogs = (fragment: string) =>
  harness?.logs.filter((record) => record.msg.includes(fragment)).length ?? 0;

describe('console outages', () => {
  it('keeps serving while the console is down, and a restarted agent serves the cached config', async () => {
    const port = await findFreePort();
    harness = await createAgentHarness(buildTestDocument(1, [{ name: 'alpha', port }]));
    const first = await harness.startAgent();
    await first.ready;
    harness.console.publish(buildTestDocument(2, [{ name: 'alpha', port }]));
    await pollUntil(
      () => versionAt(port),
      (version) => version === 2,
    );

    await harness.console.stop();
    await pollUntil(
      () => countLogs('configuration pull failed'),
      (count) => count >= 3,
    );
    expect(await versionAt(port)).toBe(2);
    expect((await probe(`${first.adminUrl}/readyz`)).status).toBe(200);

    await first.close();
    expect(await probeFailure(`http://127.0.0.1:${port}/`)).toBe('ECONNREFUSED');
    const restarted = await harness.startAgent();
    await restarted.ready;
    expect(await versionAt(port)).toBe(2);
    expect(countLogs('serving the cached configuration')).toBe(1);

    // And once the console is back, the restarted agent follows it again.
    await harness.console.start();
    harness.console.publish(buildTestDocument(3, [{ name: 'alpha', port }]));
    await pollUntil(
      () => versionAt(port),
      (version) => version === 3,
    );
  });

  it('refuses a tampered cache with a clear error and waits for the console', async () => {
    const port = await findFreePort();
    harness = await createAgentHarness(buildTestDocument(1, [{ name: 'alpha', port }]));
    const first = await harness.startAgent();
    await first.ready;
    await first.close();
    await harness.console.stop();

    const path = join(harness.stateDir, 'config.json');
    const sealed = JSON.parse(await readFile(path, 'utf8')) as { tag: string };
    sealed.tag = `${sealed.tag.startsWith('A') ? 'B' : 'A'}${sealed.tag.slice(1)}`;
    await writeFile(path, JSON.stringify(sealed));

    const agent = await harness.startAgent();
    await pollUntil(
      () => countLogs(`cached configuration in ${path} failed its integrity check`),
      (count) => count === 1,
    );
    expect(countLogs('delete it or reconnect the agent to the console')).toBe(1);
    expect((await probe(`${agent.adminUrl}/readyz`)).status).toBe(503);
    expect(await probeFailure(`http://127.0.0.1:${port}/`)).toBe('ECONNREFUSED');

    await harness.console.start();
    await agent.ready;
    expect(await versionAt(port)).toBe(1);
  });

  it('listens on nothing and is not ready while it has neither console nor cache', async () => {
    const port = await findFreePort();
    harness = await createAgentHarness(buildTestDocument(1, [{ name: 'alpha', port }]));
    await harness.console.stop();
    const agent = await harness.startAgent();
    await pollUntil(
      () => countLogs('no cached configuration'),
      (count) => count === 1,
    );
    expect((await probe(`${agent.adminUrl}/healthz`)).status).toBe(200);
    expect((await probe(`${agent.adminUrl}/readyz`)).status).toBe(503);
    expect(await probeFailure(`http://127.0.0.1:${port}/`)).toBe('ECONNREFUSED');
  });
});
