// The fields of a LogoutRequest (saml-core §3.7.1) the IdP acts on.
import { readRequestHeader } from './read-authn-request';
import { NS } from './saml-names';
import { SamlRequestError } from './saml-error';
import { attribute, selectElements, selectSingleText } from './xml';

export interface LogoutRequest {
  id: string;
  issuer: string;
  destination: string | undefined;
  nameId: string;
  sessionIndexes: string[];
  notOnOrAfter: string | undefined;
}

export function readLogoutRequest(doc: Document): LogoutRequest {
  const root = doc.documentElement;
  if (root.namespaceURI !== NS.protocol || root.localName !== 'LogoutRequest') {
    throw new SamlRequestError(`Expected a samlp:LogoutRequest, got ${root.localName}.`);
  }
  const header = readRequestHeader(root, 'LogoutRequest');
  const nameId = selectSingleText('./saml:NameID', root);
  if (!nameId) {
    throw new SamlRequestError('The LogoutRequest must name the user in one saml:NameID.');
  }
  const notOnOrAfter = attribute(root, 'NotOnOrAfter');
  if (notOnOrAfter !== undefined && !(Date.parse(notOnOrAfter) > Date.now())) {
    throw new SamlRequestError(
      'The LogoutRequest has expired (NotOnOrAfter). Sign out from the application again.',
    );
  }
  return {
    ...header,
    nameId,
    sessionIndexes: selectElements('./samlp:SessionIndex', root).map((element) =>
      (element.textContent ?? '').trim(),
    ),
    notOnOrAfter,
  };
}
