// XML signatures, always through xml-crypto: exclusive c14n, RSA-SHA256, SHA-256 digests,
// enveloped (saml-core §5.4). Nothing here canonicalizes XML by hand.
import { SignedXml } from 'xml-crypto';

import {
  DIGEST_SHA256,
  ENVELOPED_SIGNATURE,
  EXCLUSIVE_C14N,
  NS,
  SIGNATURE_ALGORITHM,
} from './saml-names';
import type { SamlCredentials } from './signing-credentials';
import { parseSamlXml, selectElements } from './xml';
import { SamlRequestError } from './saml-error';

/** An XPath naming one element by namespace and local name at each step, from the root. */
export function elementPath(...steps: readonly (readonly [namespace: string, name: string])[]) {
  return steps
    .map(([namespace, name]) => `/*[local-name()='${name}' and namespace-uri()='${namespace}']`)
    .join('');
}

/**
 * Signs the element `elementXpath` selects and places the ds:Signature right after its
 * saml:Issuer, where the SAML schema wants it (saml-core §2.3.3 and §3.2.2).
 */
export function signEnveloped(
  xml: string,
  elementXpath: string,
  credentials: SamlCredentials,
): string {
  const signer = new SignedXml({
    privateKey: credentials.privateKey,
    publicCert: credentials.certificate,
    signatureAlgorithm: SIGNATURE_ALGORITHM.rsaSha256,
    canonicalizationAlgorithm: EXCLUSIVE_C14N,
  });
  signer.addReference({
    xpath: elementXpath,
    transforms: [ENVELOPED_SIGNATURE, EXCLUSIVE_C14N],
    digestAlgorithm: DIGEST_SHA256,
  });
  signer.computeSignature(xml, {
    prefix: 'ds',
    location: {
      reference: `${elementXpath}${elementPath([NS.assertion, 'Issuer'])}`,
      action: 'after',
    },
  });
  return signer.getSignedXml();
}

/**
 * Checks the enveloped signature of a received message's root element against `certificate` and
 * returns the document re-parsed from the bytes the signature covers, so nothing unsigned (a
 * wrapped element, say) can be read afterwards. The shape checks follow node-saml's getVerifiedXml:
 * one signature, a direct child of the root, with one reference to the root's unique ID.
 */
export function verifyEnvelopedSignature(
  xml: string,
  doc: Document,
  certificate: string,
  what: string,
): Document {
  const root = doc.documentElement;
  const signatures = selectElements('./ds:Signature', root);
  const [signature] = signatures;
  if (!signature || signatures.length > 1) {
    throw new SamlRequestError(
      `The ${what} must carry exactly one signature: this service provider registered a certificate.`,
    );
  }
  const rootId = root.getAttribute('ID') ?? '';
  const verifier = new SignedXml({ publicCert: certificate });
  verifier.loadSignature(signature);
  const references = verifier.getReferences();
  const sameId = selectElements('//*', doc).filter(
    (element) => element.getAttribute('ID') === rootId,
  );
  if (references.length !== 1 || references[0]?.uri !== `#${rootId}` || sameId.length !== 1) {
    throw new SamlRequestError(
      `The ${what}'s signature must cover the whole message, and only it.`,
    );
  }
  let valid: boolean;
  try {
    // XML processors normalize line ends (XML 1.0 §2.11); xml-crypto expects it done.
    valid = verifier.checkSignature(xml.replace(/\r\n?/g, '\n'));
  } catch {
    valid = false;
  }
  const [signed] = verifier.getSignedReferences();
  if (!valid || signed === undefined) {
    throw new SamlRequestError(
      `The ${what}'s signature does not verify with the certificate registered for its service provider.`,
    );
  }
  return parseSamlXml(signed, what);
}
