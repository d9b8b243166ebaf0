import { X509Certificate } from 'node:crypto';
import { startDevIdp, type DevIdp } from '@gatehouse/dev-idp';
import { SAMPLE_SAML_CERTIFICATE } from '@gatehouse/contract/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSamlMetadata } from './parse-saml-metadata';

let idp: DevIdp;
let metadata: string;
beforeAll(async () => {
  idp = await startDevIdp({ port: 0 });
  metadata = await (await fetch(idp.samlMetadataUrl)).text();
});
afterAll(() => idp.close());

const bare = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '');

describe('parseSamlMetadata', () => {
  it("reads the dev IdP's entity ID, redirect endpoints and signing certificate", () => {
    const parsed = parseSamlMetadata(metadata);
    expect(parsed).toEqual({
      entityId: idp.saml.entityId,
      ssoUrl: idp.saml.ssoUrl,
      sloUrl: idp.saml.sloUrl,
      signingCertificates: [bare(idp.saml.certificate)],
    });
    const [certificate] = parsed.signingCertificates;
    expect(new X509Certificate(Buffer.from(certificate ?? '', 'base64')).toString()).toBe(
      new X509Certificate(idp.saml.certificate).toString(),
    );
  });

  it('finds the one IdP inside an EntitiesDescriptor, and keeps every signing certificate', () => {
    const second = `<md:KeyDescriptor><ds:KeyInfo><ds:X509Data><ds:X509Certificate>\n${SAMPLE_SAML_CERTIFICATE.replace(/-----[A-Z ]+-----/g, '')}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
    const encryption =
      '<md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>bm90IGEgY2VydA==</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>';
    const entity = metadata
      .replace(/^<\?xml[^>]*>\s*/, '')
      .replace(
        '<md:KeyDescriptor use="signing">',
        `${second}${encryption}<md:KeyDescriptor use="signing">`,
      );
    const wrapped = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${entity}</md:EntitiesDescriptor>`;
    expect(parseSamlMetadata(wrapped).signingCertificates).toEqual([
      bare(SAMPLE_SAML_CERTIFICATE),
      bare(idp.saml.certificate),
    ]);
  });

  it('leaves out single logout when the IdP offers none by redirect', () => {
    const postOnly = metadata.replace(
      /<md:SingleLogoutService Binding="[^"]+HTTP-Redirect"[^>]*\/>/,
      '',
    );
    expect(parseSamlMetadata(postOnly).sloUrl).toBeNull();
  });

  it.each([
    ['not XML at all', () => 'hello', /not well-formed XML|not SAML metadata/],
    ['broken XML', () => metadata.replace('</md:IDPSSODescriptor>', ''), /not well-formed XML/],
    [
      'a DOCTYPE',
      () => `<!DOCTYPE x [<!ENTITY a "b">]>${metadata.replace(/^<\?xml[^>]*>/, '')}`,
      /DOCTYPE/,
    ],
    ['another document', () => '<html><body>Sign in</body></html>', /its root is <html>/],
    [
      'an SP, not an IdP',
      () => metadata.replaceAll('IDPSSODescriptor', 'SPSSODescriptor'),
      /no SAML 2.0 identity provider/,
    ],
    ['no entityID', () => metadata.replace(/entityID="[^"]*"/, ''), /no entityID/],
    [
      'no redirect SSO endpoint',
      () => metadata.replace(/<md:SingleSignOnService Binding="[^"]+HTTP-Redirect"[^>]*\/>/, ''),
      /no SingleSignOnService with the HTTP-Redirect binding/,
    ],
    [
      'an SSO endpoint that is no URL',
      () =>
        metadata.replace(
          /(<md:SingleSignOnService Binding="[^"]+HTTP-Redirect" Location=")[^"]*/,
          '$1javascript:alert(1)',
        ),
      /not an http\(s\) URL/,
    ],
    [
      'no signing certificate',
      () => metadata.replace(/<md:KeyDescriptor use="signing">[\s\S]*?<\/md:KeyDescriptor>/, ''),
      /no signing certificate/,
    ],
    [
      'a certificate that is not X.509',
      () =>
        metadata.replace(
          /<ds:X509Certificate>[^<]*/,
          '<ds:X509Certificate>bm90IGEgY2VydGlmaWNhdGU=',
        ),
      /signing certificate in the metadata is not a readable X.509 certificate/,
    ],
    [
      'several IdPs',
      () =>
        `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${metadata.replace(/^<\?xml[^>]*>/, '').repeat(2)}</md:EntitiesDescriptor>`,
      /lists 2 identity providers/,
    ],
  ])('refuses %s, saying why', (_label, build, reason) => {
    expect(() => parseSamlMetadata(build())).toThrow(reason);
  });
});
