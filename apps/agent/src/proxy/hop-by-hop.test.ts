import { describe, expect, it } from 'vitest';
import { copyResponseHeaders } from './hop-by-hop';

describe('copyResponseHeaders', () => {
  it('drops hop-by-hop fields and the ones the upstream names in Connection', () => {
    expect(
      copyResponseHeaders(
        {
          connection: 'close, X-Internal',
          'keep-alive': 'timeout=5',
          'transfer-encoding': 'chunked',
          'x-internal': 'secret',
          'content-type': 'text/html',
          'tus-resumable': '1.0.0',
        },
        [],
        'req-1',
      ),
    ).toEqual(['content-type', 'text/html', 'tus-resumable', '1.0.0', 'x-request-id', 'req-1']);
  });

  it('keeps every upstream Set-Cookie separate and adds the agent cookies after them', () => {
    const headers = copyResponseHeaders(
      { 'set-cookie': ['a=1; Path=/', 'b=2; Expires=Wed, 21 Oct 2037 07:28:00 GMT'] },
      ['gatehouse_x_0=v; Path=/'],
      'req-1',
    );
    expect(headers).toEqual([
      'set-cookie',
      'a=1; Path=/',
      'set-cookie',
      'b=2; Expires=Wed, 21 Oct 2037 07:28:00 GMT',
      'set-cookie',
      'gatehouse_x_0=v; Path=/',
      'x-request-id',
      'req-1',
    ]);
  });

  it("keeps the upstream's own request id", () => {
    expect(copyResponseHeaders({ 'x-request-id': 'upstream-9' }, [], 'req-1')).toEqual([
      'x-request-id',
      'upstream-9',
    ]);
  });
});
