import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Socket, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger';
import type { AppRuntime, PipelineStep, RequestContext } from './context';
import { createContext } from './create-context';
import { runPipeline } from './run-pipeline';

function buildContext(): { ctx: RequestContext } {
  const req = new IncomingMessage(new Socket());
  req.method = 'GET';
  req.headers = { accept: 'text/html' };
  const res = new ServerResponse(req);
  const app = {
    config: { name: 'CVAT', id: 'app' },
    trustedProxies: null,
    logger: createLogger('silent'),
  } as unknown as AppRuntime;
  return { ctx: createContext(app, req, { kind: 'response', res }) };
}

describe('runPipeline', () => {
  it('runs synchronous steps without yielding to the event loop', () => {
    const { ctx } = buildContext();
    const ran: string[] = [];
    const step =
      (name: string): PipelineStep =>
      () => (ran.push(name), 'next');
    runPipeline([step('a'), step('b'), step('c')], ctx);
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('stops at a step that answers, and waits for asynchronous steps', async () => {
    const { ctx } = buildContext();
    const ran: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    runPipeline(
      [
        () => gate.then(() => (ran.push('async'), 'next' as const)),
        () => (ran.push('answer'), 'done'),
        () => (ran.push('never'), 'next'),
      ],
      ctx,
    );
    expect(ran).toEqual([]);
    release();
    await gate;
    await Promise.resolve();
    expect(ran).toEqual(['async', 'answer']);
  });

  it('answers 500 with the request id when a step throws', async () => {
    const { ctx } = buildContext();
    const server = createServer((req, res) => {
      const failing = { ...ctx, req, destination: { kind: 'response' as const, res } };
      runPipeline([() => Promise.reject(new Error('boom'))], failing);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`);
    server.close();
    expect(response.status).toBe(500);
    expect(response.headers.get('x-request-id')).toBe(ctx.requestId);
    expect(await response.text()).toContain(ctx.requestId);
  });
});
