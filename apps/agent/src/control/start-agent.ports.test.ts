import { Agent } from 'node:http';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestDocument, createAgentHarness, type AgentHarness } from './testing/agent-harness';
import { findFreePort, pollUntil, probe, probeFailure } from './testing/http-probe';

let harness: AgentHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const answerAt = async (port: number, path = '/') =>
  JSON.parse((await probe(`http://127.0.0.1:${port}${path}`)).body) as {
    app: string;
    version: number;
  };

describe('listen ports follow the configuration', () => {
  it('opens an added port and closes a removed one without a restart or a dropped request', async () => {
    const [first, second] = [await findFreePort(), await findFreePort()];
    harness = await createAgentHarness(buildTestDocument(1, [{ name: 'alpha', port: first }]));
    const agent = await harness.startAgent();
    await agent.ready;
    expect(await probeFailure(`http://127.0.0.1:${second}/`)).toBe('ECONNREFUSED');

    harness.console.publish(
      buildTestDocument(2, [
        { name: 'alpha', port: first },
        { name: 'beta', port: second },
      ]),
    );
    await pollUntil(
      () => answerAt(second),
      (answer) => answer.app === 'beta' && answer.version === 2,
    );
    expect(await answerAt(first)).toEqual(expect.objectContaining({ app: 'alpha', version: 2 }));

    // A request in flight on the port about to close must still get its answer, and its
    // keep-alive connection must not outlive it (it would reach a port no config serves).
    const keepAlive = new Agent({ keepAlive: true });
    const inFlight = probe(`http://127.0.0.1:${first}/hold`, {}, keepAlive);
    await pollUntil(
      () => harness?.compile.heldCount(),
      (count) => count === 1,
    );
    harness.console.publish(buildTestDocument(3, [{ name: 'beta', port: second }]));
    await pollUntil(
      () => probeFailure(`http://127.0.0.1:${first}/`),
      (failure) => failure === 'ECONNREFUSED',
    );
    expect(await answerAt(second)).toEqual(expect.objectContaining({ app: 'beta', version: 3 }));

    harness.compile.releaseHeld();
    expect(JSON.parse((await inFlight).body)).toMatchObject({ app: 'alpha', version: 2 });
    await pollUntil(
      () => probeFailure(`http://127.0.0.1:${first}/`, keepAlive),
      (failure) => failure === 'ECONNREFUSED',
      2000,
    );
    keepAlive.destroy();
    expect((await probe(`${agent.adminUrl}/readyz`)).status).toBe(200);
  });

  it('refuses a configuration whose new port is taken, and keeps serving the previous one', async () => {
    const [first, taken] = [await findFreePort(), await findFreePort()];
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(taken, '127.0.0.1', resolve));
    try {
      harness = await createAgentHarness(buildTestDocument(1, [{ name: 'alpha', port: first }]));
      await (
        await harness.startAgent()
      ).ready;
      harness.console.publish(
        buildTestDocument(2, [
          { name: 'alpha', port: first },
          { name: 'beta', port: taken },
        ]),
      );
      const heartbeat = await pollUntil(
        () => harness?.console.heartbeats.at(-1),
        (beat) => beat?.lastError !== null && beat?.lastError !== undefined,
      );
      expect(heartbeat?.lastError?.message).toContain(
        `cannot listen on port ${taken} (EADDRINUSE)`,
      );
      expect(heartbeat?.configVersion).toBe(1);
      expect(await answerAt(first)).toEqual(expect.objectContaining({ version: 1 }));
      expect(harness.compile.disposedVersions).toEqual([2]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
