import { X509Certificate } from 'node:crypto';
import { get } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { startDevIdp, type DevIdp } from '../server';
import { parseSamlXml, selectElements } from './xml';

let idp: DevIdp;

beforeAll(async () => {
  idp = await startDevIdp({ issuer: 'http://dev-idp.test:3001' });
});
afterAll(() => idp.close());

async function fetchMetadata() {
  const response = await fetch(idp.samlMetadataUrl);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/samlmetadata\+xml/);
  return parseSamlXml(await response.text(), 'metadata').documentElement;
}

// fetch() may not set Host, so this one goes through node:http.
function fetchMetadataAs(host: string): Promise<Element> {
  return new Promise((resolve, reject) => {
    get(idp.samlMetadataUrl, { headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve(parseSamlXml(text, 'metadata').documentElement);
      });
    }).on('error', reject);
  });
}

const locations = (root: Element, element: string) =>
  selectElements(`./md:IDPSSODescriptor/md:${element}`, root).map((service) => [
    service.getAttribute('Binding'),
    service.getAttribute('Location'),
  ]);

it('names the IdP by a fixed entity ID and publishes its signing certificate', async () => {
  const root = await fetchMetadata();
  expect(root.getAttribute('entityID')).toBe('http://dev-idp.test:3001/saml/metadata');
  expect(idp.saml.entityId).toBe('http://dev-idp.test:3001/saml/metadata');
  const [certificate, ...others] = selectElements(
    './md:IDPSSODescriptor/md:KeyDescriptor[@use="signing"]/ds:KeyInfo/ds:X509Data/ds:X509Certificate',
    root,
  );
  expect(others).toHaveLength(0);
  const published = new X509Certificate(Buffer.from(certificate?.textContent ?? '', 'base64'));
  expect(published.fingerprint256).toBe(new X509Certificate(idp.saml.certificate).fingerprint256);
});

it('offers SSO and SLO over HTTP-Redirect and HTTP-POST, at the address the request used', async () => {
  const root = await fetchMetadata();
  const redirect = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
  const post = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
  expect(locations(root, 'SingleSignOnService')).toEqual([
    [redirect, `${idp.url}/saml/sso`],
    [post, `${idp.url}/saml/sso`],
  ]);
  expect(locations(root, 'SingleLogoutService')).toEqual([
    [redirect, `${idp.url}/saml/slo`],
    [post, `${idp.url}/saml/slo`],
  ]);
  expect(
    selectElements('./md:IDPSSODescriptor/md:NameIDFormat', root).map(
      (format) => format.textContent,
    ),
  ).toContain('urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress');
});

it('builds endpoint URLs from the Host header, like OIDC discovery, keeping the entity ID', async () => {
  const root = await fetchMetadataAs('dev-idp:3001');
  expect(root.getAttribute('entityID')).toBe('http://dev-idp.test:3001/saml/metadata');
  expect(locations(root, 'SingleSignOnService')[0]?.[1]).toBe('http://dev-idp:3001/saml/sso');
});

it('answers unknown SAML paths with 404 instead of passing them to the OpenID provider', async () => {
  const response = await fetch(`${idp.url}/saml/nothing-here`);
  expect(response.status).toBe(404);
  expect(await response.text()).toContain('no SAML endpoint at /saml/nothing-here');
});
