import { DOMParser } from '@xmldom/xmldom';
import { checkX509Certificate, readCertificateBase64, ZSamlEndpointUrl } from '@gatehouse/contract';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const SAML2_PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const REDIRECT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/** What the agent needs from an IdP's metadata (saml-metadata-2.0-os §2.4.3). */
export interface SamlIdpMetadata {
  entityId: string;
  /** SingleSignOnService, HTTP-Redirect binding: the agent sends AuthnRequests that way. */
  ssoUrl: string;
  /** SingleLogoutService, HTTP-Redirect binding, when the IdP offers one. */
  sloUrl: string | null;
  /** Base64 DER of every certificate the IdP signs with. */
  signingCertificates: string[];
}

/** Why metadata cannot be used, in words an admin can act on. */
export class SamlMetadataError extends Error {
  override name = 'SamlMetadataError';
}

/**
 * Reads one identity provider's metadata. A DOCTYPE is refused outright: metadata never needs
 * one, and refusing it keeps entity tricks (XXE, billion laughs) out whatever the parser does.
 */
export function parseSamlMetadata(xml: string): SamlIdpMetadata {
  if (/<!DOCTYPE/i.test(xml)) throw new SamlMetadataError('metadata must not contain a DOCTYPE');
  const problems: string[] = [];
  const report = (message: unknown) => problems.push(String(message));
  // Warnings too: xmldom only warns about an element left unclosed, and metadata is never sloppy.
  const doc = new DOMParser({
    errorHandler: { warning: report, error: report, fatalError: report },
  }).parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (problems.length > 0 || !root) {
    throw new SamlMetadataError(`the metadata is not well-formed XML (${firstLine(problems[0])})`);
  }
  const entity = findIdpEntity(root);
  const idp = childrenNamed(entity, MD, 'IDPSSODescriptor')[0];
  if (
    !idp ||
    !(idp.getAttribute('protocolSupportEnumeration') ?? '').split(/\s+/).includes(SAML2_PROTOCOL)
  ) {
    throw new SamlMetadataError(
      'the metadata describes no SAML 2.0 identity provider (IDPSSODescriptor)',
    );
  }
  const entityId = (entity.getAttribute('entityID') ?? '').trim();
  if (entityId === '') throw new SamlMetadataError('the EntityDescriptor has no entityID');

  const ssoUrl = findRedirectEndpoint(idp, 'SingleSignOnService');
  if (ssoUrl === null) {
    throw new SamlMetadataError(
      'the identity provider offers no SingleSignOnService with the HTTP-Redirect binding, which the agent uses to send sign-in requests',
    );
  }
  return {
    entityId,
    ssoUrl,
    sloUrl: findRedirectEndpoint(idp, 'SingleLogoutService'),
    signingCertificates: readSigningCertificates(idp),
  };
}

/** The EntityDescriptor itself, or the one IdP inside an EntitiesDescriptor. */
function findIdpEntity(root: Element): Element {
  if (root.namespaceURI === MD && root.localName === 'EntityDescriptor') return root;
  if (root.namespaceURI === MD && root.localName === 'EntitiesDescriptor') {
    const idps = Array.from(root.getElementsByTagNameNS(MD, 'EntityDescriptor')).filter(
      (entity) => childrenNamed(entity, MD, 'IDPSSODescriptor').length > 0,
    );
    if (idps.length === 1 && idps[0]) return idps[0];
    throw new SamlMetadataError(
      idps.length === 0
        ? 'the metadata lists no identity provider'
        : `the metadata lists ${idps.length} identity providers; give the metadata of the one to use`,
    );
  }
  throw new SamlMetadataError(
    `the document is not SAML metadata (its root is <${root.tagName}>, not an EntityDescriptor)`,
  );
}

function findRedirectEndpoint(idp: Element, name: string): string | null {
  const endpoint = childrenNamed(idp, MD, name).find(
    (element) => element.getAttribute('Binding') === REDIRECT_BINDING,
  );
  const location = endpoint?.getAttribute('Location')?.trim() ?? '';
  if (!endpoint || location === '') return null;
  if (!ZSamlEndpointUrl.safeParse(location).success) {
    throw new SamlMetadataError(`the ${name} location "${location}" is not an http(s) URL`);
  }
  return location;
}

/** KeyDescriptors for signing (or for any use, when `use` is left out, §2.4.1.1). */
function readSigningCertificates(idp: Element): string[] {
  const certificates: string[] = [];
  for (const descriptor of childrenNamed(idp, MD, 'KeyDescriptor')) {
    const use = descriptor.getAttribute('use');
    if (use && use !== 'signing') continue;
    for (const element of Array.from(descriptor.getElementsByTagNameNS(DSIG, 'X509Certificate'))) {
      const base64 = readCertificateBase64(element.textContent ?? '');
      const problem = base64 === null ? 'is empty' : checkX509Certificate(base64);
      if (problem !== null || base64 === null) {
        throw new SamlMetadataError(
          `a signing certificate in the metadata ${problem ?? 'is empty'}`,
        );
      }
      if (!certificates.includes(base64)) certificates.push(base64);
    }
  }
  if (certificates.length === 0) {
    throw new SamlMetadataError(
      'the metadata carries no signing certificate (KeyDescriptor use="signing")',
    );
  }
  return certificates;
}

function childrenNamed(parent: Element, namespace: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    const element = node as Element;
    if (
      element.nodeType === 1 &&
      element.namespaceURI === namespace &&
      element.localName === localName
    ) {
      found.push(element);
    }
  }
  return found;
}

function firstLine(message: string | undefined): string {
  return (
    (message ?? 'no root element').replace(/^\[xmldom [a-zA-Z]+\]\s*/, '').split('\n')[0] ?? ''
  );
}
