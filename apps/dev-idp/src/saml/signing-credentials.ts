// The key and certificate the SAML IdP signs with: generated at every start (like the OIDC keys),
// or read from DEV_IDP_SAML_KEY_FILE / DEV_IDP_SAML_CERT_FILE so service providers that pinned the
// certificate keep trusting it across restarts.
import { createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import forge from 'node-forge';

export interface SamlCredentials {
  /** PKCS#8 PEM. */
  privateKey: string;
  /** X.509 certificate, PEM. */
  certificate: string;
}

const TEN_YEARS_MS = 10 * 365 * 24 * 60 * 60 * 1000;

/**
 * A fresh RSA-2048 key and a self-signed certificate for it (SHA-256). SAML metadata carries a
 * certificate rather than a bare key, and service providers pin it, so a long validity is normal:
 * SAML trust comes from the pinned certificate, not from its dates or a chain.
 */
export function generateSamlCredentials(commonName = 'Gatehouse dev IdP'): SamlCredentials {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  // node:crypto makes the key (fast, native); node-forge only builds and signs the certificate,
  // which node:crypto cannot do.
  const forgeKey = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  // A leading 01 keeps the DER INTEGER positive (RFC 5280 §4.1.2.2).
  certificate.serialNumber = `01${randomBytes(15).toString('hex')}`;
  const now = Date.now();
  // A minute back so a relying party whose clock runs slightly behind does not see it "not yet valid".
  certificate.validity.notBefore = new Date(now - 60_000);
  certificate.validity.notAfter = new Date(now + TEN_YEARS_MS);
  const name = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Gatehouse development' },
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(forgeKey, forge.md.sha256.create());
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificate: forge.pki.certificateToPem(certificate),
  };
}

export async function loadSamlCredentials(files: {
  keyFile: string;
  certFile: string;
}): Promise<SamlCredentials> {
  const read = async (path: string, variable: string) => {
    try {
      return await readFile(path, 'utf8');
    } catch (cause) {
      throw new Error(`Cannot read ${path} (${variable}).`, { cause });
    }
  };
  return checkSamlCredentials(
    {
      privateKey: await read(files.keyFile, 'DEV_IDP_SAML_KEY_FILE'),
      certificate: await read(files.certFile, 'DEV_IDP_SAML_CERT_FILE'),
    },
    `${files.keyFile} and ${files.certFile}`,
  );
}

/** Refuses a pair that cannot sign RSA-SHA256 or whose certificate names another key. */
export function checkSamlCredentials(
  credentials: SamlCredentials,
  source: string,
): SamlCredentials {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(credentials.certificate);
  } catch (cause) {
    throw new Error(`${source}: the certificate is not a PEM X.509 certificate.`, { cause });
  }
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey(credentials.privateKey);
  } catch (cause) {
    throw new Error(`${source}: the private key is not a PEM private key.`, { cause });
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(`${source}: the private key must be RSA (the IdP signs with RSA-SHA256).`);
  }
  if (!certificate.checkPrivateKey(key)) {
    throw new Error(`${source}: the certificate does not belong to the private key.`);
  }
  return {
    privateKey: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificate: certificate.toString(),
  };
}

/** The base64 DER body of a PEM certificate, as ds:X509Certificate and metadata carry it. */
export function certificateBody(pem: string): string {
  return new X509Certificate(pem).raw.toString('base64');
}
