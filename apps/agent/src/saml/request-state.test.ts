import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSessionKeyring } from '../session/session-keyring';
import { openSamlRequestState, sealSamlRequestState, type SamlRequestState } from './request-state';

const keyring = createSessionKeyring([{ id: 'k', secret: randomBytes(32).toString('base64url') }]);
const state: SamlRequestState = {
  kind: 'saml-request',
  deploymentId: 'dep',
  applicationId: 'app',
  idpId: 'idp_saml',
  relayState: 'Zm9v-YmFy_relay-state-value',
  requestId: '_abc',
  issuedAt: '2026-01-01T00:00:00.000Z',
  returnTo: 'https://app.example/x',
  expiresAt: 2000,
};
const expected = {
  deploymentId: 'dep',
  applicationId: 'app',
  relayState: state.relayState,
  nowSeconds: 1000,
};
const cookies = { cookieBase: 'gatehouse_t', acsPath: '/.gatehouse/saml/acs' };

describe('SAML request state cookies', () => {
  it('reach the ACS on the IdP cross-site POST: SameSite=None over https', async () => {
    const header = await sealSamlRequestState(keyring, state, { ...cookies, secure: true });
    expect(header).toMatch(
      /^gatehouse_t_saml_Zm9vYmFyrelaysta=[^;]+; Path=\/\.gatehouse\/saml\/acs; Max-Age=600; HttpOnly; SameSite=None; Secure$/,
    );
  });

  it('leave SameSite out over http, where browsers refuse SameSite=None', async () => {
    const header = await sealSamlRequestState(keyring, state, { ...cookies, secure: false });
    expect(header).toMatch(/; Max-Age=600; HttpOnly$/);
  });

  it('open for the matching RelayState, application and time only', async () => {
    const header = await sealSamlRequestState(keyring, state, { ...cookies, secure: true });
    const sealed = header.slice(header.indexOf('=') + 1, header.indexOf(';'));
    expect(await openSamlRequestState(keyring, sealed, expected)).toEqual(state);
    for (const wrong of [
      { relayState: 'other' },
      { applicationId: 'other' },
      { deploymentId: 'other' },
      { nowSeconds: 2000 },
    ]) {
      expect(await openSamlRequestState(keyring, sealed, { ...expected, ...wrong })).toBeNull();
    }
    expect(await openSamlRequestState(keyring, undefined, expected)).toBeNull();
  });
});
