import { createPrivateKey, createPublicKey, sign, verify, X509Certificate } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import {
  certificateBody,
  checkSamlCredentials,
  generateSamlCredentials,
  loadSamlCredentials,
} from './signing-credentials';

describe('generateSamlCredentials', () => {
  it('makes an RSA-2048 key and a self-signed certificate for it', () => {
    const { privateKey, certificate } = generateSamlCredentials();
    const x509 = new X509Certificate(certificate);
    const key = createPrivateKey(privateKey);
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(x509.checkPrivateKey(key)).toBe(true);
    expect(x509.subject).toContain('CN=Gatehouse dev IdP');
    expect(x509.issuer).toBe(x509.subject);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(new Date(x509.validTo).getTime()).toBeGreaterThan(Date.now() + 365 * 24 * 3600 * 1000);
    // What the IdP does with it: an RSA-SHA256 signature the certificate verifies.
    const signature = sign('sha256', Buffer.from('data'), privateKey);
    expect(verify('sha256', Buffer.from('data'), createPublicKey(certificate), signature)).toBe(
      true,
    );
  });

  it('makes a new key every time', () => {
    expect(generateSamlCredentials().certificate).not.toBe(generateSamlCredentials().certificate);
  });
});

describe('loadSamlCredentials', () => {
  it('reads a key and its certificate from files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dev-idp-saml-'));
    const pair = generateSamlCredentials();
    await writeFile(join(dir, 'key.pem'), pair.privateKey);
    await writeFile(join(dir, 'cert.pem'), pair.certificate);
    const loaded = await loadSamlCredentials({
      keyFile: join(dir, 'key.pem'),
      certFile: join(dir, 'cert.pem'),
    });
    expect(certificateBody(loaded.certificate)).toBe(certificateBody(pair.certificate));
  });

  it('names the variable of a file it cannot read', async () => {
    await expect(
      loadSamlCredentials({ keyFile: '/nonexistent/key.pem', certFile: '/nonexistent/cert.pem' }),
    ).rejects.toThrow('Cannot read /nonexistent/key.pem (DEV_IDP_SAML_KEY_FILE)');
  });
});

describe('checkSamlCredentials', () => {
  it('refuses a certificate of another key', () => {
    const mixed = {
      privateKey: generateSamlCredentials().privateKey,
      certificate: generateSamlCredentials().certificate,
    };
    expect(() => checkSamlCredentials(mixed, 'test')).toThrow(
      'test: the certificate does not belong to the private key.',
    );
  });

  it('refuses text that is not a certificate', () => {
    const pair = { ...generateSamlCredentials(), certificate: 'not a certificate' };
    expect(() => checkSamlCredentials(pair, 'test')).toThrow('not a PEM X.509 certificate');
  });
});

describe('certificateBody', () => {
  it('is the base64 DER between the PEM armour lines', () => {
    const { certificate } = generateSamlCredentials();
    const body = certificate.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
    expect(certificateBody(certificate)).toBe(body);
  });
});
