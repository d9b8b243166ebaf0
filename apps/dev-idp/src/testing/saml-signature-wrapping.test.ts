// wrapSamlSignature builds real XSW attacks: each wrapped document still holds a signature that
// verifies, over bob's original, while the assertion an SP finds first is alice's forgery. node-saml
// refuses every shape, both with the signatures the dev IdP sends and with only the signature each
// shape targets (the setting under which the attack has a chance).
import { SAML, type SamlConfig } from '@node-saml/node-saml';
import { SignedXml } from 'xml-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { samlConfigFor } from '../../test/saml-service-provider';
import { startDevIdp, type DevIdp } from '../server';
import { parseSamlXml, selectElements } from '../saml/xml';
import { readAuthnRequestFromUrl } from './saml-messages';
import { buildSignedSamlResponse, type SamlSignedParts } from './saml-response';
import { wrapSamlSignature, type SignatureWrappingShape } from './saml-signature-wrapping';

const SP = {
  entityId: 'http://127.0.0.1:9/sp/metadata',
  acsUrl: 'http://127.0.0.1:9/sp/acs',
  sloUrl: 'http://127.0.0.1:9/sp/slo',
};
const BOB = { email: 'bob@example.com', username: 'bob', groups: ['cvat-users'] };

let idp: DevIdp;
beforeAll(async () => {
  idp = await startDevIdp({ saml: { serviceProviders: [SP] } });
});
afterAll(() => idp.close());

// Which signature each shape attacks, and the SP setting that relies on that signature alone.
const TARGETS: Record<SignatureWrappingShape, { sign: SamlSignedParts; sp: Partial<SamlConfig> }> =
  {
    'forged-assertion-first': { sign: 'assertion', sp: { wantAuthnResponseSigned: false } },
    'forged-assertion-wraps-original': {
      sign: 'assertion',
      sp: { wantAuthnResponseSigned: false },
    },
    'original-in-signature-object': { sign: 'assertion', sp: { wantAuthnResponseSigned: false } },
    'response-wraps-original': { sign: 'response', sp: { wantAssertionsSigned: false } },
  };
const SHAPES = Object.keys(TARGETS) as SignatureWrappingShape[];

async function bobsResponse(saml: SAML, sign: SamlSignedParts) {
  const request = readAuthnRequestFromUrl(await saml.getAuthorizeUrlAsync('', undefined, {}));
  return buildSignedSamlResponse({
    idp: idp.saml,
    audience: SP.entityId,
    acsUrl: SP.acsUrl,
    inResponseTo: request.id,
    user: BOB,
    sign,
  });
}

function hasVerifyingSignature(xml: string): boolean {
  const doc = parseSamlXml(xml, 'response');
  return selectElements('//ds:Signature', doc).some((signature) => {
    const verifier = new SignedXml({ publicCert: idp.saml.certificate });
    verifier.loadSignature(signature);
    try {
      return verifier.checkSignature(xml);
    } catch {
      return false;
    }
  });
}

// The assertion a careless SP reads: the first one directly under the Response.
const nameIdReadFirst = (xml: string) =>
  selectElements(
    '/samlp:Response/saml:Assertion[1]/saml:Subject/saml:NameID',
    parseSamlXml(xml, 'response'),
  )[0]?.textContent;

describe.each(SHAPES)('wrapSamlSignature %s', (shape) => {
  const target = TARGETS[shape];

  it('keeps a verifying signature while putting alice first', async () => {
    const saml = new SAML(samlConfigFor(idp, SP, target.sp));
    const original = await bobsResponse(saml, target.sign);
    const wrapped = wrapSamlSignature(original.xml, { shape });
    expect(hasVerifyingSignature(wrapped.xml)).toBe(true);
    expect(nameIdReadFirst(wrapped.xml)).toBe('alice@example.com');
    expect(Buffer.from(wrapped.samlResponse, 'base64').toString('utf8')).toBe(wrapped.xml);
  });

  it('is refused by node-saml relying on the signature it targets, which accepts the original', async () => {
    const saml = new SAML(samlConfigFor(idp, SP, target.sp));
    const accepted = await bobsResponse(saml, target.sign);
    const { profile } = await saml.validatePostResponseAsync({
      SAMLResponse: accepted.samlResponse,
    });
    expect(profile?.email).toBe('bob@example.com');

    const original = await bobsResponse(saml, target.sign);
    const wrapped = wrapSamlSignature(original.xml, { shape });
    await expect(
      saml.validatePostResponseAsync({ SAMLResponse: wrapped.samlResponse }),
    ).rejects.toThrow(/signature/i);
  });

  it('is refused by node-saml wanting both signatures, as the dev IdP sends them', async () => {
    const saml = new SAML(samlConfigFor(idp, SP));
    const original = await bobsResponse(saml, 'response-and-assertion');
    const wrapped = wrapSamlSignature(original.xml, { shape });
    await expect(
      saml.validatePostResponseAsync({ SAMLResponse: wrapped.samlResponse }),
    ).rejects.toThrow(/signature/i);
  });
});
