// HTTP-Redirect binding signatures (saml-bindings §3.4.4.1): the signature covers the query string
// "SAMLRequest=…&RelayState=…&SigAlg=…" exactly as it was URL-encoded on the wire, not the XML.
import { createPublicKey, sign, verify } from 'node:crypto';

import { SIGNATURE_ALGORITHM } from './saml-names';
import { SamlRequestError } from './saml-error';

const HASH_OF: Record<string, string> = {
  [SIGNATURE_ALGORITHM.rsaSha256]: 'sha256',
  [SIGNATURE_ALGORITHM.rsaSha512]: 'sha512',
};

type MessageParameter = 'SAMLRequest' | 'SAMLResponse';

/** Builds the query of a signed HTTP-Redirect message (RSA-SHA256). */
export function buildSignedRedirectQuery(
  parameter: MessageParameter,
  message: string,
  relayState: string | undefined,
  privateKey: string,
): string {
  const parts = [`${parameter}=${encodeURIComponent(message)}`];
  if (relayState !== undefined) {
    parts.push(`RelayState=${encodeURIComponent(relayState)}`);
  }
  parts.push(`SigAlg=${encodeURIComponent(SIGNATURE_ALGORITHM.rsaSha256)}`);
  const signed = parts.join('&');
  const signature = sign('sha256', Buffer.from(signed), privateKey).toString('base64');
  return `${signed}&Signature=${encodeURIComponent(signature)}`;
}

/** Throws unless the raw query carries a valid signature by `certificate`. */
export function verifyRedirectSignature(
  rawQuery: string,
  parameter: MessageParameter,
  certificate: string,
  what: string,
): void {
  // The signed string needs the parameters as sent; their values are read decoded.
  const raw = new Map<string, string>();
  for (const pair of rawQuery.split('&')) {
    const separator = pair.indexOf('=');
    const name = separator === -1 ? pair : pair.slice(0, separator);
    if (raw.has(name)) {
      throw new SamlRequestError(`The ${what} repeats the query parameter ${name}.`);
    }
    raw.set(name, pair);
  }
  const decoded = new URLSearchParams(rawQuery);
  const algorithm = decoded.get('SigAlg');
  const signature = decoded.get('Signature');
  const message = raw.get(parameter);
  const sigAlg = raw.get('SigAlg');
  if (!message || !sigAlg || algorithm === null || signature === null) {
    throw new SamlRequestError(
      `The ${what} must be signed (SigAlg and Signature): this service provider registered a certificate.`,
    );
  }
  const hash = HASH_OF[algorithm];
  if (!hash) {
    throw new SamlRequestError(
      `The ${what} is signed with ${algorithm}; the dev IdP accepts RSA-SHA256 or RSA-SHA512 only.`,
    );
  }
  const relayState = raw.get('RelayState');
  const signed = [message, relayState, sigAlg].filter((part) => part !== undefined).join('&');
  const valid = verify(
    hash,
    Buffer.from(signed),
    createPublicKey(certificate),
    Buffer.from(signature, 'base64'),
  );
  if (!valid) {
    throw new SamlRequestError(
      `The ${what}'s signature does not verify with the certificate registered for its service provider.`,
    );
  }
}
