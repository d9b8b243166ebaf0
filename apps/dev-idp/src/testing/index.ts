export { CookieJar } from './cookie-jar';
export { parseForms, type HtmlForm } from './html-form';
export { loginThroughIdp, type LoginThroughIdpOptions, type LoginThroughIdpResult } from './login';
export {
  ALICE,
  buildSignedSamlResponse,
  type BuildSignedSamlResponseOptions,
  type ForgedSamlResponse,
  type SamlSignedParts,
  type SamlUser,
} from './saml-response';
export {
  wrapSamlSignature,
  type SignatureWrappingShape,
  type WrapSamlSignatureOptions,
} from './saml-signature-wrapping';
export {
  postSamlResponse,
  readAuthnRequestFromUrl,
  type RedirectedAuthnRequest,
} from './saml-messages';
export { generateSamlCredentials, type SamlCredentials } from '../saml/signing-credentials';
