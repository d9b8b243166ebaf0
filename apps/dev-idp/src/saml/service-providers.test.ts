import { describe, expect, it } from 'vitest';

import { loadSamlServiceProviders } from './service-providers';
import { certificateBody, generateSamlCredentials } from './signing-credentials';

describe('loadSamlServiceProviders', () => {
  it('defaults to the local agent on port 9772 under localhost and 127.0.0.1', async () => {
    const sps = await loadSamlServiceProviders({});
    expect(sps).toEqual([
      {
        entityId: 'http://localhost:9772/.gatehouse/saml/metadata',
        acsUrl: 'http://localhost:9772/.gatehouse/saml/acs',
        sloUrl: 'http://localhost:9772/.gatehouse/saml/slo',
        sloBinding: 'HTTP-Redirect',
      },
      {
        entityId: 'http://127.0.0.1:9772/.gatehouse/saml/metadata',
        acsUrl: 'http://127.0.0.1:9772/.gatehouse/saml/acs',
        sloUrl: 'http://127.0.0.1:9772/.gatehouse/saml/slo',
        sloBinding: 'HTTP-Redirect',
      },
    ]);
  });

  it('reads DEV_IDP_SAML_SPS, accepting a certificate as metadata carries it (bare base64)', async () => {
    const { certificate } = generateSamlCredentials();
    const json = JSON.stringify([
      {
        entityId: 'urn:agent',
        acsUrl: 'http://agent:9772/acs',
        certificate: certificateBody(certificate),
      },
    ]);
    const [sp] = await loadSamlServiceProviders({ json });
    expect(sp?.entityId).toBe('urn:agent');
    expect(sp?.sloUrl).toBeUndefined();
    expect(sp?.certificate).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(certificateBody(sp!.certificate!)).toBe(certificateBody(certificate));
  });

  it('says which variable holds broken JSON', async () => {
    await expect(loadSamlServiceProviders({ json: '[{' })).rejects.toThrow(
      'DEV_IDP_SAML_SPS is not valid JSON',
    );
  });

  it('names each invalid field at once', async () => {
    const json = JSON.stringify([
      { entityId: 'a', acsUrl: 'ftp://x/acs', certificate: 'bm90IGEgY2VydA==' },
      { entityId: 'b', acsUrl: 'http://x/acs', sloBinding: 'SOAP', extra: 1 },
    ]);
    const error: unknown = await loadSamlServiceProviders({ json }).catch(
      (caught: unknown) => caught,
    );
    const { message } = error as Error;
    expect(message).toMatch(/\[0\]\.acsUrl: /);
    expect(message).toMatch(/\[0\]\.certificate: is not an X\.509 certificate/);
    expect(message).toMatch(/\[1\]\.sloBinding: /);
    expect(message).toMatch(/\[1\]: Unrecognized key: "extra"/);
  });

  it('refuses two registrations of one entity ID', async () => {
    const json = JSON.stringify([
      { entityId: 'urn:a', acsUrl: 'http://x/acs' },
      { entityId: 'urn:a', acsUrl: 'http://y/acs' },
    ]);
    await expect(loadSamlServiceProviders({ json })).rejects.toThrow(
      '[1].entityId: duplicate entityId urn:a',
    );
  });

  it('names an unreadable file and its variable', async () => {
    await expect(loadSamlServiceProviders({ file: '/nonexistent/sps.json' })).rejects.toThrow(
      'DEV_IDP_SAML_SPS_FILE',
    );
  });
});
