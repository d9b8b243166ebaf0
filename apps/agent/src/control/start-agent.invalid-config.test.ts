import { afterEach, describe, expect, it } from 'vitest';
import { buildTestDocument, createAgentHarness, type AgentHarness } from './testing/agent-harness';
import { findFreePort, pollUntil, probe } from './testing/http-probe';

let harness: AgentHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const versionAt = async (port: number) =>
  (JSON.parse((await probe(`http://127.0.0.1:${port}/`)).body) as { version: number }).version;

describe('an invalid configuration', () => {
  it('is not applied: the previous one keeps serving and the heartbeat reports every problem', async () => {
    const port = await findFreePort();
    harness = await createAgentHarness(buildTestDocument(1, [{ name: 'alpha', port }]));
    const agent = await harness.startAgent();
    await agent.ready;

    const broken = buildTestDocument(2, [{ name: 'alpha', port }]);
    const application = broken.applications[0];
    if (!application) throw new Error('the test document has no application');
    application.upstreamServers = ['not a url'];
    application.rules[0] = { ...application.rules[0]!, path: 'no-leading-slash' };
    harness.console.publish(broken);

    const heartbeat = await pollUntil(
      () => harness?.console.heartbeats.at(-1),
      (beat) => (beat?.lastError?.problems.length ?? 0) > 0,
    );
    expect(heartbeat).toMatchObject({ configVersion: 1, health: 'DEGRADED' });
    expect(heartbeat?.lastError?.message).toBe(
      'configuration version 2 from the console refused: 2 problem(s)',
    );
    expect(heartbeat?.lastError?.problems.map((problem) => problem.path)).toEqual([
      'applications[0].upstreamServers[0]',
      'applications[0].rules[0].path',
    ]);
    expect(await versionAt(port)).toBe(1);

    // The refused version is not downloaded again and again: the agent long-polls past it.
    const pulls = harness.console.configPulls;
    const beats = harness.console.heartbeats.length;
    await pollUntil(
      () => harness?.console.heartbeats.length ?? 0,
      (count) => count >= beats + 3,
    );
    expect(harness.console.configPulls - pulls).toBeLessThanOrEqual(1);

    const logged = harness.logs.find((record) =>
      record.msg.includes('version 2 from the console refused'),
    );
    expect(logged?.problems).toHaveLength(2);
    expect((await probe(`${agent.adminUrl}/metrics`)).body).toContain(
      'gatehouse_agent_sync_errors_total{reason="invalid_document"} 1',
    );

    // The admin fixes it: the next version applies and the error clears.
    harness.console.publish(buildTestDocument(3, [{ name: 'alpha', port }]));
    await pollUntil(
      () => versionAt(port),
      (version) => version === 3,
    );
    await pollUntil(
      () => harness?.console.heartbeats.at(-1),
      (beat) => beat?.configVersion === 3 && beat.lastError === null && beat.health === 'OK',
    );
  });

  it('that is not even an object is refused the same way', async () => {
    const port = await findFreePort();
    harness = await createAgentHarness(buildTestDocument(1, [{ name: 'alpha', port }]));
    await (
      await harness.startAgent()
    ).ready;
    harness.console.publish(['not', 'a', 'configuration'], 2);
    const heartbeat = await pollUntil(
      () => harness?.console.heartbeats.at(-1),
      (beat) => beat?.lastError !== null && beat?.lastError !== undefined,
    );
    expect(heartbeat?.lastError?.message).toBe(
      'configuration without a version from the console refused: 1 problem(s)',
    );
    expect(await versionAt(port)).toBe(1);
  });
});
