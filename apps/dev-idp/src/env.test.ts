import { describe, expect, it } from 'vitest';

import { readEnv } from './env';

describe('readEnv', () => {
  it('defaults to port 3001 with a matching localhost issuer', () => {
    expect(readEnv({})).toMatchObject({
      port: 3001,
      host: '127.0.0.1',
      issuer: 'http://localhost:3001',
      usersFile: undefined,
      cookieKeys: undefined,
    });
  });

  it('derives the issuer from the port, and leaves it to the bound port when that is 0', () => {
    expect(readEnv({ DEV_IDP_PORT: '4444' }).issuer).toBe('http://localhost:4444');
    expect(readEnv({ DEV_IDP_PORT: '0' }).issuer).toBeUndefined();
    expect(readEnv({ DEV_IDP_PORT: '0', DEV_IDP_ISSUER: 'http://idp:3001' }).issuer).toBe(
      'http://idp:3001',
    );
  });

  it('splits cookie keys and refuses short ones', () => {
    const keys = ['k'.repeat(16), 'l'.repeat(20)];
    expect(readEnv({ DEV_IDP_COOKIE_KEYS: keys.join(', ') }).cookieKeys).toEqual(keys);
    expect(() => readEnv({ DEV_IDP_COOKIE_KEYS: 'short' })).toThrow('at least 16 characters');
  });

  it('names the variables that are wrong', () => {
    expect(() => readEnv({ DEV_IDP_PORT: 'eighty', DEV_IDP_ISSUER: 'ftp://x' })).toThrow(
      /DEV_IDP_PORT: .*; DEV_IDP_ISSUER: /,
    );
    expect(() => readEnv({ DEV_IDP_CLIENTS: '[]', DEV_IDP_CLIENTS_FILE: 'c.json' })).toThrow(
      'not both',
    );
  });

  it('reads the SAML variables, and wants the key and certificate files together', () => {
    expect(
      readEnv({
        DEV_IDP_SAML_SPS: '[]',
        DEV_IDP_SAML_KEY_FILE: 'key.pem',
        DEV_IDP_SAML_CERT_FILE: 'cert.pem',
      }),
    ).toMatchObject({
      samlSpsJson: '[]',
      samlSpsFile: undefined,
      samlCredentialFiles: { keyFile: 'key.pem', certFile: 'cert.pem' },
    });
    expect(readEnv({}).samlCredentialFiles).toBeUndefined();
    expect(() => readEnv({ DEV_IDP_SAML_KEY_FILE: 'key.pem' })).toThrow(
      'Set both DEV_IDP_SAML_KEY_FILE and DEV_IDP_SAML_CERT_FILE',
    );
    expect(() => readEnv({ DEV_IDP_SAML_SPS: '[]', DEV_IDP_SAML_SPS_FILE: 's.json' })).toThrow(
      'not both',
    );
  });
});
