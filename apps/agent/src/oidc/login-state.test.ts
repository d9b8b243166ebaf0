import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSessionKeyring } from '../session/session-keyring';
import {
  nameLoginStateCookie,
  openLoginState,
  sealLoginState,
  type LoginState,
} from './login-state';

const keyring = createSessionKeyring([{ id: 'k', secret: randomBytes(32).toString('base64url') }]);
const cookies = { cookieBase: 'gatehouse_t', callbackPath: '/.gatehouse/callback', secure: true };
const state: LoginState = {
  kind: 'login',
  deploymentId: 'dep',
  applicationId: 'app',
  idpId: 'idp',
  state: 'Zm9v-YmFy_state-value',
  nonce: 'n',
  codeVerifier: 'v',
  returnTo: 'https://app.example/x',
  expiresAt: 2000,
};
const expected = {
  deploymentId: 'dep',
  applicationId: 'app',
  state: state.state,
  nowSeconds: 1000,
};

async function seal(): Promise<string> {
  const header = await sealLoginState(keyring, state, cookies);
  expect(header).toMatch(
    /^gatehouse_t_login_Zm9vYmFystateval=.*; Path=\/\.gatehouse\/callback; Max-Age=600; HttpOnly; SameSite=Lax; Secure$/,
  );
  return header.slice(header.indexOf('=') + 1, header.indexOf(';'));
}

describe('login state cookies', () => {
  it('name the cookie after the state', () => {
    expect(nameLoginStateCookie('gatehouse_t', state.state)).toBe(
      'gatehouse_t_login_Zm9vYmFystateval',
    );
  });

  it('open for the matching state, application and time only', async () => {
    const sealed = await seal();
    expect(await openLoginState(keyring, sealed, expected)).toEqual(state);
    expect(await openLoginState(keyring, sealed, { ...expected, state: 'other' })).toBeNull();
    expect(
      await openLoginState(keyring, sealed, { ...expected, applicationId: 'other' }),
    ).toBeNull();
    expect(await openLoginState(keyring, sealed, { ...expected, nowSeconds: 2000 })).toBeNull();
    expect(await openLoginState(keyring, undefined, expected)).toBeNull();
  });
});
