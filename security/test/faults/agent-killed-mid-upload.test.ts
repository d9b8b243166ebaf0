// An upload is cut off half way, by the agent dying (SIGKILL) or by the client vanishing: the
// upstream must see an aborted request, never a complete one with half the body.
import { request, type ClientRequest } from 'node:http';
import { createTestDatabase, type TestDatabase } from '@gatehouse/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentProcess } from '@gatehouse/agent/testing';
import { startRecordingUpstream, type RecordingUpstream } from '../../src/recording-upstream';
import { startSecurityStack, type SecurityStack } from '../../src/start-security-stack';

const ANNOUNCED = 64 * 1024 * 1024;
const CHUNK = Buffer.alloc(256 * 1024, 0x61);

let db: TestDatabase;
let upstream: RecordingUpstream;
let stack: SecurityStack;
let agent: AgentProcess;
beforeAll(async () => {
  [db, upstream] = await Promise.all([createTestDatabase(), startRecordingUpstream()]);
  stack = await startSecurityStack({ databaseUrl: db.url, upstreamServers: [upstream.url] });
  // Uploads go through without SSO here: the point is what happens to the body.
  await stack.api.call('PUT', `applications/${stack.deployment.applicationId}/rules`, {
    rows: [
      {
        priority: 1,
        pathMatch: 'PREFIX',
        path: '/upload',
        methods: [],
        conditions: {},
        action: 'NOT_PROTECTED',
        description: 'uploads',
      },
    ],
  });
  agent = await stack.startAgent('agent');
});
afterAll(async () => {
  await stack?.close();
  await Promise.all([upstream?.close(), db?.drop()]);
});

/** Starts an upload that keeps sending until stopped; the request errors when cut. */
function startUpload(path: string, chunked: boolean): { req: ClientRequest; stop(): void } {
  const req = request(`${stack.applicationUrl}${path}`, {
    method: 'POST',
    headers: chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(ANNOUNCED) },
  });
  req.on('error', () => undefined);
  let stopped = false;
  const pump = () => {
    while (!stopped && !req.destroyed && req.write(CHUNK));
  };
  req.on('drain', pump);
  pump();
  return {
    req,
    stop() {
      stopped = true;
    },
  };
}

async function waitForRules(): Promise<void> {
  // The rule above may reach the agent after it became ready with the first version.
  for (;;) {
    const response = await fetch(`${stack.applicationUrl}/upload/probe`, {
      method: 'POST',
      body: 'x',
    });
    await response.arrayBuffer();
    if (response.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('an upload cut off half way', () => {
  it.each([
    ['announced with Content-Length', false],
    ['sent chunked', true],
  ])('by the client vanishing (%s) reaches the upstream as aborted', async (_name, chunked) => {
    await waitForRules();
    const before = upstream.uploads.length;
    const path = `/upload/client-${chunked}`;
    const upload = startUpload(path, chunked);
    await upstream.waitForBytes(path, 2 * 1024 * 1024);
    upload.stop();
    upload.req.destroy();
    const [recorded] = (await upstream.waitForUploads(before + 1)).slice(before);
    expect(recorded).toMatchObject({ outcome: 'aborted' });
    expect(recorded?.bytes).toBeLessThan(ANNOUNCED);
  });

  it.each([
    ['announced with Content-Length', false],
    ['sent chunked', true],
  ])('by the agent being killed (%s) reaches the upstream as aborted', async (_name, chunked) => {
    if (agent.child.process.exitCode !== null || agent.child.process.signalCode !== null) {
      await agent.restart();
    }
    await waitForRules();
    const before = upstream.uploads.length;
    const path = `/upload/agent-${chunked}`;
    const upload = startUpload(path, chunked);
    await upstream.waitForBytes(path, 2 * 1024 * 1024);
    await agent.child.kill();
    upload.stop();
    const [recorded] = (await upstream.waitForUploads(before + 1)).slice(before);
    expect(recorded).toMatchObject({ outcome: 'aborted' });
    expect(recorded?.bytes).toBeLessThan(ANNOUNCED);
  });
});
