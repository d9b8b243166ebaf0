import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { X509Certificate } from 'node:crypto';
import { validateAgentConfig, type TAgentConfig } from '@gatehouse/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import * as configRoute from '../../app/api/agent/v1/config/route';
import * as idpsRoute from '../../app/api/v1/deployments/[id]/idps/route';
import * as idpRoute from '../../app/api/v1/idps/[id]/route';
import type { ErrorBody } from '@/server/errors/handle-api-error';
import type { TIdentityProviderResponse } from '@/server/identity-providers/identity-provider.types';
import { callRoute } from '../helpers/call-route';
import {
  basicAuth,
  createApplication,
  createDeployment,
  createIdentityProvider,
  createProvisioningKey,
} from '../helpers/api-fixtures';
import { setUpOwnerSuite } from '../helpers/console-test';

const suite = setUpOwnerSuite();
let metadataXml: string;
let deadUrl: string;
beforeAll(async () => {
  metadataXml = await (await fetch(suite.idp.samlMetadataUrl)).text();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  deadUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/saml/metadata`;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function createSaml(deploymentId: string, body: Record<string, unknown>) {
  return callRoute<TIdentityProviderResponse & ErrorBody>(idpsRoute.POST, {
    method: 'POST',
    auth: suite.owner.token,
    params: { id: deploymentId },
    body: {
      name: `saml-${Math.random().toString(36).slice(2, 8)}`,
      protocol: 'SAML',
      provider: 'GENERIC',
      ...body,
    },
  });
}

function patch(id: string, body: Record<string, unknown>) {
  return callRoute<TIdentityProviderResponse & ErrorBody>(idpRoute.PATCH, {
    method: 'PATCH',
    auth: suite.owner.token,
    params: { id },
    body,
  });
}

describe('SAML identity providers', () => {
  it('are created from pasted metadata XML, with the preset NameID format and attributes', async () => {
    const deployment = await createDeployment(suite.owner.token);
    const created = await createSaml(deployment.id, { name: 'Dev SAML', metadataXml });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Dev SAML',
      protocol: 'SAML',
      provider: 'GENERIC',
      issuer: suite.idp.saml.entityId,
      clientId: '',
      clientSecretSet: false,
      scopes: [],
      claims: { email: 'email', username: 'username', groups: 'groups' },
      saml: {
        entityId: suite.idp.saml.entityId,
        ssoUrl: suite.idp.saml.ssoUrl,
        sloUrl: suite.idp.saml.sloUrl,
        metadataUrl: null,
        nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
        wantAssertionsSigned: true,
        wantResponseSigned: false,
        clockSkewSeconds: 60,
        serviceProviders: [],
      },
      applicationIds: [],
    });
    const certificate = new X509Certificate(suite.idp.saml.certificate);
    expect(created.body.saml?.signingCertificates).toEqual([
      {
        subject: 'CN=Gatehouse dev IdP, O=Gatehouse development',
        notBefore: new Date(certificate.validFrom).toISOString(),
        notAfter: new Date(certificate.validTo).toISOString(),
        fingerprintSha256: certificate.fingerprint256,
      },
    ]);
  });

  it('are created from a metadata URL, fetched and read by the console', async () => {
    const deployment = await createDeployment(suite.owner.token);
    const created = await createSaml(deployment.id, {
      provider: 'MICROSOFT',
      metadataUrl: suite.idp.samlMetadataUrl,
      claims: { groups: 'roles' },
      wantResponseSigned: true,
      clockSkewSeconds: 120,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.saml).toMatchObject({
      entityId: suite.idp.saml.entityId,
      ssoUrl: suite.idp.saml.ssoUrl,
      metadataUrl: suite.idp.samlMetadataUrl,
      wantResponseSigned: true,
      clockSkewSeconds: 120,
    });
    // Entra ID sends WS-Federation claim URIs; only groups was given.
    expect(created.body.claims).toEqual({
      email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
      username: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
      groups: 'roles',
    });
    const events = await suite.db.prisma.auditEvent.findMany({
      where: { targetId: created.body.id },
    });
    expect(events.map((event) => event.metadata)).toContainEqual(
      expect.objectContaining({ protocol: 'SAML', issuer: suite.idp.saml.entityId }),
    );
  });

  it('show the SP metadata and ACS URLs to register, per application that offers them', async () => {
    const deployment = await createDeployment(suite.owner.token);
    const saml = (await createSaml(deployment.id, { metadataXml })).body;
    const cvat = await createApplication(suite.owner.token, deployment.id, {
      name: 'CVAT',
      applicationUrl: 'https://cvat.example.com',
      listenPort: 9772,
      idpIds: [saml.id],
    });
    const wiki = await createApplication(suite.owner.token, deployment.id, {
      name: 'Wiki',
      applicationUrl: 'https://wiki.example.com/',
      listenPort: 9772,
      reservedPathPrefix: '/datawiza',
      idpIds: [saml.id],
    });
    const got = await callRoute<TIdentityProviderResponse>(idpRoute.GET, {
      auth: suite.owner.token,
      params: { id: saml.id },
    });
    expect(got.body.saml?.serviceProviders).toEqual([
      {
        applicationId: cvat.id,
        applicationName: 'CVAT',
        entityId: 'https://cvat.example.com/.gatehouse/saml/metadata',
        metadataUrl: 'https://cvat.example.com/.gatehouse/saml/metadata',
        acsUrl: 'https://cvat.example.com/.gatehouse/saml/acs',
        sloUrl: 'https://cvat.example.com/.gatehouse/saml/slo',
      },
      {
        applicationId: wiki.id,
        applicationName: 'Wiki',
        entityId: 'https://wiki.example.com/datawiza/saml/metadata',
        metadataUrl: 'https://wiki.example.com/datawiza/saml/metadata',
        acsUrl: 'https://wiki.example.com/datawiza/saml/acs',
        sloUrl: 'https://wiki.example.com/datawiza/saml/slo',
      },
    ]);
  });

  it('reach agents in the configuration document, which validates', async () => {
    const deployment = await createDeployment(suite.owner.token);
    const oidc = await createIdentityProvider(suite.owner.token, deployment.id, suite.idp.issuer);
    const saml = (
      await createSaml(deployment.id, { name: 'Dev SAML', metadataUrl: suite.idp.samlMetadataUrl })
    ).body;
    const app = await createApplication(suite.owner.token, deployment.id, {
      idpIds: [saml.id, oidc.id],
    });
    const key = await createProvisioningKey(suite.owner.token, deployment.id);
    const config = await callRoute<TAgentConfig>(configRoute.GET, {
      auth: basicAuth(key),
      path: '/api/agent/v1/config',
    });
    expect(config.status).toBe(200);
    expect(validateAgentConfig(config.body)).toMatchObject({ ok: true });
    expect(config.body.identityProviders).toContainEqual({
      id: saml.id,
      name: 'Dev SAML',
      protocol: 'SAML',
      provider: 'GENERIC',
      entityId: suite.idp.saml.entityId,
      ssoUrl: suite.idp.saml.ssoUrl,
      sloUrl: suite.idp.saml.sloUrl,
      signingCertificates: [suite.idp.saml.certificate.replace(/-----[A-Z ]+-----|\s/g, '')],
      nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      attributes: { email: 'email', username: 'username', groups: 'groups' },
      wantAssertionsSigned: true,
      wantResponseSigned: false,
      clockSkewSeconds: 60,
    });
    expect(config.body.applications.find((entry) => entry.id === app.id)?.idpIds).toEqual([
      saml.id,
      oidc.id,
    ]);
  });

  it('refuse metadata XML that cannot be used, with the path and the reason', async () => {
    const deployment = await createDeployment(suite.owner.token);
    for (const [xml, reason] of [
      ['<md:EntityDescriptor', 'not well-formed XML'],
      ['<html><body>Sign in</body></html>', 'not SAML metadata'],
      [
        metadataXml.replace(/<md:KeyDescriptor[\s\S]*?<\/md:KeyDescriptor>/, ''),
        'no signing certificate',
      ],
    ] as const) {
      const refused = await createSaml(deployment.id, { metadataXml: xml });
      expect(refused.status).toBe(422);
      expect(refused.body.error.issues).toEqual([
        { path: 'metadataXml', message: expect.stringContaining(reason) as string },
      ]);
      expect(refused.body.error.message).toMatch(/^The pasted SAML metadata cannot be used: /);
    }
    expect(
      await suite.db.prisma.identityProvider.count({ where: { deploymentId: deployment.id } }),
    ).toBe(0);
  });

  it('explain an unreachable or wrong metadata URL', async () => {
    const deployment = await createDeployment(suite.owner.token);
    const unreachable = await createSaml(deployment.id, { metadataUrl: deadUrl });
    expect(unreachable.status).toBe(422);
    expect(unreachable.body.error.issues?.[0]?.path).toBe('metadataUrl');
    expect(unreachable.body.error.message).toMatch(
      new RegExp(
        `^Could not fetch the SAML metadata at ${deadUrl.replaceAll('.', '\\.')} \\(.+\\)\\. Check the URL`,
      ),
    );

    const missing = await createSaml(deployment.id, {
      metadataUrl: `${suite.idp.url}/saml/nothing-here`,
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.message).toContain('answered HTTP 404');

    const notMetadata = await createSaml(deployment.id, {
      metadataUrl: `${suite.idp.url}/.well-known/openid-configuration`,
    });
    expect(notMetadata.status).toBe(422);
    expect(notMetadata.body.error.issues).toEqual([
      { path: 'metadataUrl', message: expect.stringContaining('not well-formed XML') as string },
    ]);
  });

  it('need exactly one metadata source and a signature requirement', async () => {
    const deployment = await createDeployment(suite.owner.token);
    const neither = await createSaml(deployment.id, {});
    expect(neither.status).toBe(422);
    expect(neither.body.error.issues?.map((issue) => issue.path)).toEqual(['metadataUrl']);
    const both = await createSaml(deployment.id, {
      metadataXml,
      metadataUrl: suite.idp.samlMetadataUrl,
    });
    expect(both.body.error.issues?.map((issue) => issue.path)).toEqual(['metadataUrl']);
    const unsigned = await createSaml(deployment.id, {
      metadataXml,
      wantAssertionsSigned: false,
      wantResponseSigned: false,
    });
    expect(unsigned.status).toBe(422);
    expect(unsigned.body.error.issues?.map((issue) => issue.path)).toEqual([
      'wantAssertionsSigned',
    ]);
    const badAttribute = await createSaml(deployment.id, {
      metadataXml,
      claims: { email: 'e mail' },
    });
    expect(badAttribute.body.error.issues?.map((issue) => issue.path)).toEqual(['claims.email']);
  });

  it('update their settings, read the metadata again on request, and keep their protocol', async () => {
    const deployment = await createDeployment(suite.owner.token);
    const saml = (await createSaml(deployment.id, { metadataXml })).body;

    const updated = await patch(saml.id, {
      name: 'Renamed',
      nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      claims: { username: 'uid' },
      metadataUrl: suite.idp.samlMetadataUrl,
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({
      name: 'Renamed',
      claims: { email: 'email', username: 'uid', groups: 'groups' },
      saml: {
        metadataUrl: suite.idp.samlMetadataUrl,
        nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      },
    });

    const toOidc = await patch(saml.id, { protocol: 'OIDC' });
    expect(toOidc.status).toBe(422);
    expect(toOidc.body.error.issues?.[0]).toMatchObject({ path: 'protocol' });
    const oidcFields = await patch(saml.id, { clientId: 'x', issuer: suite.idp.issuer });
    expect(oidcFields.body.error.issues?.map((issue) => issue.path)).toEqual([
      'clientId',
      'issuer',
    ]);
    const brokenMetadata = await patch(saml.id, { metadataXml: '<nope/>' });
    expect(brokenMetadata.status).toBe(422);
    expect(brokenMetadata.body.error.issues?.[0]?.path).toBe('metadataXml');

    const oidc = await createIdentityProvider(suite.owner.token, deployment.id, suite.idp.issuer);
    const samlFields = await patch(oidc.id, { metadataXml, clockSkewSeconds: 5 });
    expect(samlFields.body.error.issues?.map((issue) => issue.path)).toEqual([
      'metadataXml',
      'clockSkewSeconds',
    ]);

    // Claim names are checked by the rules of the IdP's own protocol.
    const badClaim = await patch(oidc.id, { claims: { email: 'http://schemas/email' } });
    expect(badClaim.body.error.issues?.map((issue) => issue.path)).toEqual(['claims.email']);
    const uriAttribute = await patch(saml.id, { claims: { email: 'http://schemas/email' } });
    expect(uriAttribute.status).toBe(200);
    const badAttribute = await patch(saml.id, { claims: { groups: 'two words' } });
    expect(badAttribute.body.error.issues?.map((issue) => issue.path)).toEqual(['claims.groups']);
  });
});
