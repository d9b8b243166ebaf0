import type { X509Certificate as X509CertificateClass } from 'node:crypto';

const PEM_CERTIFICATE =
  /^-----BEGIN CERTIFICATE-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END CERTIFICATE-----$/;
const BASE64 = /^[A-Za-z0-9+/=\s]+$/;

/**
 * The base64 DER inside a PEM certificate, or the value itself when it already is bare base64
 * (what SAML metadata's `<ds:X509Certificate>` carries), without whitespace; null otherwise.
 */
export function readCertificateBase64(value: string): string | null {
  const trimmed = value.trim();
  const pem = PEM_CERTIFICATE.exec(trimmed);
  const body = pem ? pem[1] : trimmed;
  if (body === undefined || body === '' || !BASE64.test(body)) return null;
  return body.replace(/\s+/g, '');
}

/** The same certificate as PEM, 64 characters a line, as node:crypto and xml-crypto expect. */
export function toCertificatePem(value: string): string | null {
  const base64 = readCertificateBase64(value);
  if (base64 === null) return null;
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/**
 * Why `value` is not an X.509 certificate node:crypto can read, or null when it is one.
 *
 * node:crypto is looked up at run time rather than imported: the console's browser bundle
 * imports this package for its presets, and a static `node:crypto` import would break it. In a
 * browser only the shape is checked; the console's server and the agent run the full parse.
 */
export function checkX509Certificate(value: string): string | null {
  const pem = toCertificatePem(value);
  if (pem === null) return 'must be a PEM certificate or the base64 DER of one';
  const X509Certificate = loadX509Certificate();
  if (X509Certificate === null) return null;
  try {
    new X509Certificate(pem);
    return null;
  } catch {
    return 'is not a readable X.509 certificate';
  }
}

function loadX509Certificate(): typeof X509CertificateClass | null {
  const getBuiltinModule = (
    globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
  ).process?.getBuiltinModule;
  const crypto = getBuiltinModule?.('node:crypto') as
    { X509Certificate: typeof X509CertificateClass } | undefined;
  return crypto?.X509Certificate ?? null;
}
