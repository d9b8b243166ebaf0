import { request, type IncomingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestDocument, createAgentHarness, type AgentHarness } from './testing/agent-harness';
import { findFreePort, pollUntil, probe } from './testing/http-probe';

let harness: AgentHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const versionAt = async (url: string) =>
  (JSON.parse((await probe(url)).body) as { version: number }).version;

describe('hot reload', () => {
  it('serves a published change within about a second, and finishes in-flight requests under the old one', async () => {
    const port = await findFreePort();
    harness = await createAgentHarness(buildTestDocument(1, [{ name: 'alpha', port }]));
    const agent = await harness.startAgent();
    await agent.ready;
    expect((await probe(`${agent.adminUrl}/readyz`)).status).toBe(200);
    expect(await versionAt(`http://127.0.0.1:${port}/`)).toBe(1);

    const inFlight = probe(`http://127.0.0.1:${port}/hold`);
    await pollUntil(
      () => harness?.compile.heldCount(),
      (count) => count === 1,
    );

    harness.console.publish(buildTestDocument(2, [{ name: 'alpha', port }]));
    await pollUntil(
      () => versionAt(`http://127.0.0.1:${port}/`),
      (version) => version === 2,
      2000,
    );

    // Version 1 must outlive its last request: disposing it would cut the held one.
    expect(harness.compile.disposedVersions).toEqual([]);
    harness.compile.releaseHeld();
    expect(JSON.parse((await inFlight).body)).toMatchObject({ app: 'alpha', version: 1 });
    await pollUntil(
      () => harness?.compile.disposedVersions,
      (versions) => versions?.[0] === 1,
    );

    const metrics = (await probe(`${agent.adminUrl}/metrics`)).body;
    expect(metrics).toContain('gatehouse_agent_config_version 2');
    expect(metrics).toMatch(
      /gatehouse_agent_requests_total\{application="app_alpha",status="200"\} [1-9]/,
    );
    await pollUntil(
      () => harness?.console.heartbeats.at(-1),
      (heartbeat) => heartbeat?.configVersion === 2 && heartbeat.health === 'OK',
    );
  });

  it('gives each request an id, keeping a well-formed one the client sent', async () => {
    const port = await findFreePort();
    harness = await createAgentHarness(buildTestDocument(1, [{ name: 'alpha', port }]));
    await (
      await harness.startAgent()
    ).ready;

    const given = await probe(`http://127.0.0.1:${port}/`, { 'x-request-id': 'lb-12345678' });
    expect(JSON.parse(given.body)).toMatchObject({ requestId: 'lb-12345678' });
    expect(given.headers['x-request-id']).toBe('lb-12345678');
    const generated = await probe(`http://127.0.0.1:${port}/`, { 'x-request-id': 'bad id' });
    const { requestId } = JSON.parse(generated.body) as { requestId: string };
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.headers['x-request-id']).toBe(requestId);
  });

  it('tells applications sharing a port apart by Host, for requests and upgrades', async () => {
    const port = await findFreePort();
    harness = await createAgentHarness(
      buildTestDocument(1, [
        { name: 'alpha', port, host: 'alpha.test' },
        { name: 'beta', port, host: 'beta.test' },
      ]),
    );
    await (
      await harness.startAgent()
    ).ready;
    const url = `http://127.0.0.1:${port}/`;

    expect(JSON.parse((await probe(url, { host: 'alpha.test' })).body)).toMatchObject({
      app: 'alpha',
    });
    expect(JSON.parse((await probe(url, { host: `BETA.test:${port}` })).body)).toMatchObject({
      app: 'beta',
    });
    const unknown = await probe(url, { host: 'gamma.test' });
    expect(unknown.status).toBe(421);
    expect(unknown.body).toContain('answers to &#34;gamma.test&#34;');

    expect((await upgrade(port, 'beta.test')).headers['x-app']).toBe('beta');
    expect((await upgrade(port, 'alpha.test')).headers['x-app']).toBe('alpha');
  });

  it('closes gracefully even while an upgraded connection stays open', async () => {
    const port = await findFreePort();
    harness = await createAgentHarness(buildTestDocument(1, [{ name: 'alpha', port }]));
    const agent = await harness.startAgent();
    await agent.ready;
    const { socket } = await upgrade(port, 'anything', '/stay-open');
    const socketClosed = new Promise((resolve) => socket.once('close', resolve));
    await agent.close();
    await socketClosed;
    expect(harness.compile.disposedVersions).toEqual([1]);
  });
});

/** The 101 answer to an upgrade request with this Host, and its socket. */
function upgrade(
  port: number,
  host: string,
  path = '/',
): Promise<{ headers: IncomingHttpHeaders; socket: Duplex }> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      agent: false,
      headers: { host, connection: 'upgrade', upgrade: 'test' },
    });
    req.on('upgrade', (res, socket) => {
      socket.on('error', () => undefined);
      if (path !== '/stay-open') socket.destroy();
      resolve({ headers: res.headers, socket });
    });
    req.on('response', (res) => reject(new Error(`no upgrade: ${res.statusCode}`)));
    req.on('error', reject);
    req.end();
  });
}
