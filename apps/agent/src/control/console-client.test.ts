import { configEtag } from '@gatehouse/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestDocument, TEST_DEPLOYMENT_ID } from './testing/agent-harness';
import { startFakeConsole, type FakeConsole } from './testing/fake-console';
import { createConsoleClient, type ConsoleClient } from './console-client';
import { ProvisioningKeyRejectedError } from './console-errors';

const credentials = {
  provisioningKey: 'ghk_client0001',
  provisioningSecret: 'ghs_client-secret-0123456789',
};
let fakeConsole: FakeConsole;
let client: ConsoleClient;
const signal = new AbortController().signal;

async function setUp() {
  fakeConsole = await startFakeConsole({
    ...credentials,
    deploymentId: TEST_DEPLOYMENT_ID,
    document: buildTestDocument(1, []),
  });
  client = createConsoleClient({ ...credentials, consoleUrl: fakeConsole.url });
}

afterEach(async () => {
  await client.close();
  await fakeConsole.close();
});

describe('console client against the contract', () => {
  it('pulls the document with its ETag, then gets 304 for the same version', async () => {
    await setUp();
    const pulled = await client.pullConfig({ etag: null, waitSeconds: 0, signal });
    expect(pulled).toMatchObject({
      status: 'document',
      etag: configEtag(TEST_DEPLOYMENT_ID, 1),
      document: { version: 1 },
    });
    const again = await client.pullConfig({
      etag: configEtag(TEST_DEPLOYMENT_ID, 1),
      waitSeconds: 0,
      signal,
    });
    expect(again).toEqual({ status: 'not-modified' });
  });

  it('long-polls: the console answers as soon as a newer version is published', async () => {
    await setUp();
    const etag = configEtag(TEST_DEPLOYMENT_ID, 1);
    const waiting = client.pullConfig({ etag, waitSeconds: 60, signal });
    let settled = false;
    void waiting.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toBe(false);
    fakeConsole.publish(buildTestDocument(2, []));
    expect(await waiting).toMatchObject({
      status: 'document',
      etag: configEtag(TEST_DEPLOYMENT_ID, 2),
    });
  });

  it('sends a heartbeat and reads the latest version', async () => {
    await setUp();
    const answer = await client.sendHeartbeat(
      {
        instanceId: 'i-1',
        hostname: 'host',
        agentVersion: '0.1.0',
        configVersion: 1,
        startedAt: new Date().toISOString(),
        uptimeSeconds: 1,
        health: 'OK',
        lastError: null,
      },
      signal,
    );
    expect(answer).toEqual({ latestConfigVersion: 1 });
    expect(fakeConsole.heartbeats).toHaveLength(1);
  });

  it("turns a 401 into ProvisioningKeyRejectedError carrying the console's message", async () => {
    await setUp();
    fakeConsole.revokeKey();
    const failure = client.pullConfig({ etag: null, waitSeconds: 0, signal });
    await expect(failure).rejects.toBeInstanceOf(ProvisioningKeyRejectedError);
    await expect(failure).rejects.toThrow('provisioning key revoked');
  });

  it('refuses wrong credentials the same way', async () => {
    await setUp();
    const impostor = createConsoleClient({
      ...credentials,
      provisioningSecret: 'ghs_wrong-secret-0123456789',
      consoleUrl: fakeConsole.url,
    });
    await expect(impostor.pullConfig({ etag: null, waitSeconds: 0, signal })).rejects.toThrow(
      'invalid provisioning key',
    );
    await impostor.close();
  });
});
