import { describe, expect, it } from 'vitest';

import { parseForms } from './html-form';

describe('parseForms', () => {
  it('reads action, method and input values with entities decoded', () => {
    const html = `<form id="op.logoutForm" method="post" action="/session/end/confirm?a=1&amp;b=2">
      <input type="hidden" name="xsrf" value="x&quot;y"/><input type=hidden name='logout' value=yes>
      <input type="submit"></form><form action="https://other.test/x"><input name="q"></form>`;
    const [logout, search] = parseForms(html, 'http://127.0.0.1:3001/session/end?id_token_hint=t');
    expect(logout?.id).toBe('op.logoutForm');
    expect(logout?.method).toBe('POST');
    expect(logout?.action.href).toBe('http://127.0.0.1:3001/session/end/confirm?a=1&b=2');
    expect([...logout!.fields]).toEqual([
      ['xsrf', 'x"y'],
      ['logout', 'yes'],
    ]);
    expect(search?.method).toBe('GET');
    expect(search?.action.href).toBe('https://other.test/x');
    expect(search?.inputNames).toEqual(['q']);
  });
});
