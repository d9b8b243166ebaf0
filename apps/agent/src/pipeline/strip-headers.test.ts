import { buildSampleApplication } from '@gatehouse/contract/testing';
import { describe, expect, it } from 'vitest';
import { compileStripList, stripRequestHeaders } from './strip-headers';

const strip = compileStripList(
  buildSampleApplication({
    attributePass: [
      { field: 'email', name: 'X-Email', type: 'HEADER', join: null },
      { field: 'role', name: 'X-Groups', type: 'HEADER', join: ':' },
      { field: 'email', name: 'user_email', type: 'COOKIE', join: null },
    ],
  }),
);

describe('stripRequestHeaders', () => {
  it('drops client copies of identity headers in any case and with _ or -', () => {
    const { headers } = stripRequestHeaders(
      {
        'x-email': 'mallory@example.com',
        x_email: 'mallory@example.com',
        'x-groups': 'admin',
        x_gatehouse_jwt_assertion: 'forged',
        accept: 'text/html',
      },
      strip,
    );
    expect(headers).toEqual(['accept', 'text/html']);
  });

  it('drops hop-by-hop fields and whatever Connection names, keeps the rest', () => {
    const { headers } = stripRequestHeaders(
      {
        connection: 'keep-alive, X-Custom-Hop',
        'keep-alive': 'timeout=5',
        'x-custom-hop': '1',
        'transfer-encoding': 'chunked',
        'x-forwarded-for': '203.0.113.9',
        'x-request-id': 'client-chosen',
        host: 'app.example',
        'x-tus-resumable': '1.0.0',
        authorization: 'Token abc',
      },
      strip,
    );
    expect(headers).toEqual(['x-tus-resumable', '1.0.0', 'authorization', 'Token abc']);
  });

  it('keeps the agent cookies apart and drops cookies posing as attribute-pass cookies', () => {
    const stripped = stripRequestHeaders(
      { cookie: 'csrftoken=abc; gatehouse_x_0=SESSION; USER_EMAIL=mallory; theme=dark' },
      strip,
    );
    expect(stripped.cookie).toBe('csrftoken=abc; theme=dark');
    expect(stripped.agentCookies).toEqual(new Map([['gatehouse_x_0', 'SESSION']]));
  });
});

describe('cookie names posing as an attribute-pass cookie', () => {
  // Regression: `user.email`, `user email` and `user%5Femail` reached the upstream, where PHP
  // reads each of them as `user_email` (it URL-decodes names and turns `.`, ` `, `[` into `_`).
  it.each(['user.email', 'user email', 'user%5Femail', 'USER%5femail', 'user[email'])(
    '%s is dropped',
    (name) => {
      const stripped = stripRequestHeaders({ cookie: `${name}=mallory; theme=dark` }, strip);
      expect(stripped.cookie).toBe('theme=dark');
    },
  );

  it('keeps look-alikes a server reads as another name', () => {
    const stripped = stripRequestHeaders(
      { cookie: 'user-email=a; useremail=b; user_emails=c' },
      strip,
    );
    expect(stripped.cookie).toBe('user-email=a; useremail=b; user_emails=c');
  });
});
