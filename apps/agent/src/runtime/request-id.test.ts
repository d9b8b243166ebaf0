import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ensureRequestId } from './request-id';

function request(headers: Record<string, string> = {}): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  req.headers = headers;
  return req;
}

describe('ensureRequestId', () => {
  it('gives one request one id, however often asked', () => {
    const req = request();
    expect(ensureRequestId(req)).toMatch(/^[0-9a-f-]{36}$/);
    expect(ensureRequestId(req)).toBe(ensureRequestId(req));
    expect(ensureRequestId(request())).not.toBe(ensureRequestId(req));
  });

  it('keeps a well-formed incoming id and replaces anything else', () => {
    expect(ensureRequestId(request({ 'x-request-id': 'lb-1234abcd' }))).toBe('lb-1234abcd');
    expect(ensureRequestId(request({ 'x-request-id': '<script>' }))).not.toBe('<script>');
  });
});
