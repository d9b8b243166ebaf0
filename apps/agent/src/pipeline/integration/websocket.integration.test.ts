import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CookieJar } from '@gatehouse/dev-idp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { signIn } from '../testing/browser';
import { startTestStack, type TestStack } from '../testing/start-test-stack';

let stack: TestStack;
let echo: Server;
let jar: CookieJar;
const seenByUpstream: Array<Record<string, string | string[] | undefined>> = [];

beforeAll(async () => {
  // A tiny WebSocket echo upstream that records the handshake headers it received.
  echo = createServer();
  const sockets = new WebSocketServer({ server: echo });
  sockets.on('connection', (socket, req) => {
    seenByUpstream.push(req.headers);
    socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  const { port } = echo.address() as AddressInfo;
  // Sign in against the demo upstream (whose JSON ends the sign-in walk), then serve the echo.
  stack = await startTestStack();
  ({ jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'bob@example.com'));
  await stack.reapply({ upstreamServers: [`http://127.0.0.1:${port}`] });
});
afterAll(async () => {
  await stack.close();
  echo.closeAllConnections();
  await new Promise<void>((resolve) => echo.close(() => resolve()));
});

function wsUrl(path: string): string {
  return `${stack.agent.url.replace('http:', 'ws:')}${path}`;
}

describe('WebSocket upgrades', () => {
  it('echo through the agent when signed in, with the identity headers on the handshake', async () => {
    const socket = new WebSocket(wsUrl('/ws/echo'), {
      headers: {
        cookie: jar.cookieHeaderFor(stack.agent.url) ?? '',
        'x-email': 'mallory@example.com',
      },
    });
    const reply = await new Promise<string>((resolve, reject) => {
      socket.once('open', () => socket.send('hello through the agent'));
      socket.once('message', (data: Buffer) => resolve(data.toString()));
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) =>
        reject(new Error(`status ${res.statusCode}`)),
      );
    });
    socket.close();
    expect(reply).toBe('hello through the agent');
    expect(seenByUpstream.at(-1)).toMatchObject({
      'x-email': 'bob@example.com',
      'x-groups': 'user',
    });
  });

  it('are refused with 401 without a session', async () => {
    const socket = new WebSocket(wsUrl('/ws/echo'));
    const status = await new Promise<number>((resolve, reject) => {
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('open', () => reject(new Error('the upgrade went through without a session')));
      socket.once('error', reject);
    });
    expect(status).toBe(401);
  });
});
