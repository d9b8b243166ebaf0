import { X509Certificate } from 'node:crypto';
import { toCertificatePem } from '@gatehouse/contract';

/** What an admin compares with the IdP's console: subject, validity and SHA-256 fingerprint. */
export function describeCertificate(base64: string) {
  const certificate = new X509Certificate(toCertificatePem(base64) ?? base64);
  return {
    subject: certificate.subject.replace(/\n/g, ', '),
    notBefore: new Date(certificate.validFrom).toISOString(),
    notAfter: new Date(certificate.validTo).toISOString(),
    fingerprintSha256: certificate.fingerprint256,
  };
}
