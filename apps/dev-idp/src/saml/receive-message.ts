// Reads a SAMLRequest from either binding the IdP metadata announces:
//   HTTP-Redirect (saml-bindings §3.4): GET, DEFLATE (raw) then base64 in the query string;
//   HTTP-POST (saml-bindings §3.5): an HTML form field, base64 without compression.
import type { IncomingMessage } from 'node:http';
import { inflateRawSync } from 'node:zlib';

import { FormError, readForm } from '../read-form';
import { verifyRedirectSignature } from './redirect-signature';
import { SamlRequestError } from './saml-error';
import { parseSamlXml } from './xml';
import { verifyEnvelopedSignature } from './xml-signature';

// Far above any AuthnRequest or LogoutRequest; bounds what a small deflated query can inflate to.
const MAX_MESSAGE_BYTES = 64 * 1024;

export interface ReceivedSamlMessage {
  binding: 'HTTP-Redirect' | 'HTTP-POST';
  xml: string;
  doc: Document;
  relayState: string | undefined;
  /** The query string as received; a Redirect-binding signature covers its exact bytes. */
  rawQuery: string;
}

export async function receiveSamlRequest(
  req: IncomingMessage,
  url: URL,
  what: string,
): Promise<ReceivedSamlMessage> {
  const rawQuery = url.search.slice(1);
  if (req.method === 'GET' || req.method === 'HEAD') {
    const encoded = url.searchParams.get('SAMLRequest');
    if (!encoded) {
      throw new SamlRequestError(
        `This address expects a SAML ${what} (a SAMLRequest parameter). Start signing in from the application.`,
      );
    }
    const xml = inflate(decodeBase64(encoded, what), what);
    const relayState = url.searchParams.get('RelayState') ?? undefined;
    return { binding: 'HTTP-Redirect', xml, doc: parseSamlXml(xml, what), relayState, rawQuery };
  }
  if (req.method === 'POST') {
    let form: URLSearchParams;
    try {
      form = await readForm(req);
    } catch (error) {
      if (error instanceof FormError) {
        throw new SamlRequestError(error.message, error.status);
      }
      throw error;
    }
    const encoded = form.get('SAMLRequest');
    if (!encoded) {
      throw new SamlRequestError(`The form carries no SAMLRequest; expected a SAML ${what}.`);
    }
    const decoded = decodeBase64(encoded, what);
    // saml-bindings §3.5.4 sends POST messages uncompressed, but node-saml deflates them unless
    // told skipRequestCompression; XML starts with "<", a DEFLATE stream of it never does.
    const xml = /^\s*</.test(decoded.toString('latin1', 0, 64))
      ? decoded.toString('utf8')
      : inflate(decoded, what);
    const relayState = form.get('RelayState') ?? undefined;
    return { binding: 'HTTP-POST', xml, doc: parseSamlXml(xml, what), relayState, rawQuery };
  }
  throw new SamlRequestError(
    'Send SAML requests with GET (HTTP-Redirect) or POST (HTTP-POST).',
    405,
  );
}

/**
 * Checks the message's signature by the service provider's certificate, as its binding defines it,
 * and returns the document to read from then on (for HTTP-POST: only what the signature covers).
 */
export function verifySamlRequestSignature(
  message: ReceivedSamlMessage,
  certificate: string,
  what: string,
): Document {
  if (message.binding === 'HTTP-Redirect') {
    verifyRedirectSignature(message.rawQuery, 'SAMLRequest', certificate, what);
    return message.doc;
  }
  return verifyEnvelopedSignature(message.xml, message.doc, certificate, what);
}

function decodeBase64(value: string, what: string): Buffer {
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    throw new SamlRequestError(`The SAML ${what} is not base64.`);
  }
  return Buffer.from(compact, 'base64');
}

function inflate(data: Buffer, what: string): string {
  try {
    return inflateRawSync(data, { maxOutputLength: MAX_MESSAGE_BYTES }).toString('utf8');
  } catch {
    throw new SamlRequestError(
      `The SAML ${what} is neither XML nor DEFLATE-compressed XML, or it is too large.`,
    );
  }
}
