// The fields of an AuthnRequest (saml-core §3.4.1) the IdP acts on, read by namespace.
import { NS } from './saml-names';
import { SamlRequestError } from './saml-error';
import { attribute, selectElements, selectSingleText } from './xml';

export interface AuthnRequest {
  id: string;
  issuer: string;
  destination: string | undefined;
  acsUrl: string | undefined;
  protocolBinding: string | undefined;
  forceAuthn: boolean;
  isPassive: boolean;
  nameIdFormat: string | undefined;
}

// xs:ID is an NCName; anything else cannot be an InResponseTo the IdP echoes back.
const NCNAME = /^[A-Za-z_][\w.-]{0,255}$/;

export function readAuthnRequest(doc: Document): AuthnRequest {
  const root = doc.documentElement;
  if (root.namespaceURI !== NS.protocol || root.localName !== 'AuthnRequest') {
    throw new SamlRequestError(
      `Expected a samlp:AuthnRequest, got ${root.localName}. Start signing in from the application.`,
    );
  }
  return {
    ...readRequestHeader(root, 'AuthnRequest'),
    acsUrl: attribute(root, 'AssertionConsumerServiceURL'),
    protocolBinding: attribute(root, 'ProtocolBinding'),
    forceAuthn: attribute(root, 'ForceAuthn') === 'true' || attribute(root, 'ForceAuthn') === '1',
    isPassive: attribute(root, 'IsPassive') === 'true' || attribute(root, 'IsPassive') === '1',
    nameIdFormat:
      selectElements('./samlp:NameIDPolicy', root)[0]?.getAttribute('Format') || undefined,
  };
}

/** ID, Version, Issuer and Destination: what every SAML request carries (saml-core §3.2.1). */
export function readRequestHeader(
  root: Element,
  what: string,
): { id: string; issuer: string; destination: string | undefined } {
  if (attribute(root, 'Version') !== '2.0') {
    throw new SamlRequestError(`The ${what} must have Version="2.0".`);
  }
  const id = attribute(root, 'ID') ?? '';
  if (!NCNAME.test(id)) {
    throw new SamlRequestError(`The ${what} has no valid ID attribute.`);
  }
  const issuer = selectSingleText('./saml:Issuer', root);
  if (!issuer) {
    throw new SamlRequestError(
      `The ${what} must name its service provider in exactly one saml:Issuer.`,
    );
  }
  return { id, issuer, destination: attribute(root, 'Destination') };
}
