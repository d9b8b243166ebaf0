import { describe, expect, it } from 'vitest';
import * as idpsRoute from '../../app/api/v1/deployments/[id]/idps/route';
import * as idpRoute from '../../app/api/v1/idps/[id]/route';
import * as applicationRoute from '../../app/api/v1/applications/[id]/route';
import { openSecret } from '@/server/crypto/secret-box';
import { sealContext } from '@/server/crypto/seal-context';
import { decodeEncryptionKey } from '@/env';
import type { ErrorBody } from '@/server/errors/handle-api-error';
import type {
  TIdentityProviderListResponse,
  TIdentityProviderResponse,
} from '@/server/identity-providers/identity-provider.types';
import type { TApplicationResponse } from '@/server/applications/application.types';
import { callRoute } from '../helpers/call-route';
import {
  createApplication,
  createDeployment,
  createIdentityProvider,
} from '../helpers/api-fixtures';
import { setUpOwnerSuite } from '../helpers/console-test';

const suite = setUpOwnerSuite();

async function readCiphertext(id: string): Promise<string> {
  const row = await suite.db.prisma.identityProvider.findUniqueOrThrow({
    where: { id },
    omit: { clientSecretCiphertext: false },
  });
  return row.clientSecretCiphertext ?? '';
}

function open(ciphertext: string): string {
  const key = decodeEncryptionKey(process.env.GATEHOUSE_ENCRYPTION_KEY ?? '');
  if (!key) throw new Error('test key missing');
  return openSecret(
    ciphertext,
    key,
    sealContext.identityProviderSecret(suite.owner.organizationId),
  );
}

describe('identity providers', () => {
  it('store the client secret encrypted and never return it', async () => {
    const deployment = await createDeployment(suite.owner.token);
    const secret = 'super-secret-client-value';
    const created = await createIdentityProvider(
      suite.owner.token,
      deployment.id,
      suite.idp.issuer,
      {
        name: 'Dev IdP',
        provider: 'KEYCLOAK',
        clientSecret: secret,
        claims: { groups: 'realm_access.roles' },
      },
    );
    expect(created).toMatchObject({
      name: 'Dev IdP',
      protocol: 'OIDC',
      provider: 'KEYCLOAK',
      issuer: suite.idp.issuer,
      scopes: ['openid', 'email', 'profile'],
      claims: { email: 'email', username: 'preferred_username', groups: 'realm_access.roles' },
      clientSecretSet: true,
      applicationIds: [],
    });
    expect(JSON.stringify(created)).not.toContain(secret);

    const ciphertext = await readCiphertext(created.id);
    expect(ciphertext).toMatch(/^v1:/);
    expect(ciphertext).not.toContain(secret);
    expect(open(ciphertext)).toBe(secret);

    const list = await callRoute<TIdentityProviderListResponse>(idpsRoute.GET, {
      auth: suite.owner.token,
      params: { id: deployment.id },
    });
    expect(list.body.identityProviders).toEqual([created]);
    expect(JSON.stringify(list.body)).not.toContain(secret);

    // Updating without a secret keeps it; with one replaces it.
    const renamed = await callRoute<TIdentityProviderResponse>(idpRoute.PATCH, {
      method: 'PATCH',
      auth: suite.owner.token,
      params: { id: created.id },
      body: { name: 'Renamed' },
    });
    expect(renamed.body.name).toBe('Renamed');
    expect(await readCiphertext(created.id)).toBe(ciphertext);
    const rotated = await callRoute<TIdentityProviderResponse>(idpRoute.PATCH, {
      method: 'PATCH',
      auth: suite.owner.token,
      params: { id: created.id },
      body: { clientSecret: 'rotated-secret' },
    });
    expect(JSON.stringify(rotated.body)).not.toContain('rotated-secret');
    expect(open(await readCiphertext(created.id))).toBe('rotated-secret');

    const events = await suite.db.prisma.auditEvent.findMany({ where: { targetId: created.id } });
    expect(JSON.stringify(events)).not.toMatch(/super-secret|rotated-secret/);
  });

  it('check the discovery document and say clearly what is wrong', async () => {
    const deployment = await createDeployment(suite.owner.token);
    const attempt = (issuer: string | undefined, provider = 'GENERIC') =>
      callRoute<ErrorBody>(idpsRoute.POST, {
        method: 'POST',
        auth: suite.owner.token,
        params: { id: deployment.id },
        body: { name: 'x', provider, clientId: 'c', clientSecret: 's', issuer },
      });

    const unreachable = await attempt('http://127.0.0.1:1');
    expect(unreachable.status).toBe(422);
    expect(unreachable.body.error.issues?.[0]?.path).toBe('issuer');
    expect(unreachable.body.error.message).toMatch(
      /^Could not fetch the discovery document at http:\/\/127\.0\.0\.1:1\/\.well-known\/openid-configuration/,
    );

    const notFound = await attempt(`${suite.idp.issuer}/realms/missing`);
    expect(notFound.status).toBe(422);
    expect(notFound.body.error.message).toContain('answered HTTP 404');

    const mismatch = await attempt(`${suite.idp.issuer}/`);
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error.message).toContain(`names the issuer ${suite.idp.issuer}`);

    const missing = await attempt(undefined, 'OKTA');
    expect(missing.status).toBe(422);
    expect(missing.body.error.issues).toEqual([
      { path: 'issuer', message: 'required for Okta, e.g. https://<your-org>.okta.com' },
    ]);
    const notGoogle = await attempt(suite.idp.issuer, 'GOOGLE');
    expect(notGoogle.body.error.issues?.[0]?.message).toContain('https://accounts.google.com');

    const invalid = await callRoute<ErrorBody>(idpsRoute.POST, {
      method: 'POST',
      auth: suite.owner.token,
      params: { id: deployment.id },
      body: { name: '', provider: 'github', protocol: 'OIDC', scopes: ['email'], clientSecret: '' },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.issues?.map((issue) => issue.path).sort()).toEqual([
      'clientId',
      'clientSecret',
      'name',
      'provider',
      'scopes',
    ]);
    const unknownProtocol = await callRoute<ErrorBody>(idpsRoute.POST, {
      method: 'POST',
      auth: suite.owner.token,
      params: { id: deployment.id },
      body: { name: 'x', provider: 'GENERIC', protocol: 'WS-FED' },
    });
    expect(unknownProtocol.status).toBe(422);
    expect(unknownProtocol.body.error.issues?.map((issue) => issue.path)).toEqual(['protocol']);
    expect(
      await suite.db.prisma.identityProvider.count({ where: { deploymentId: deployment.id } }),
    ).toBe(0);
  });

  it('unbind from applications when deleted, leaving them INCOMPLETE', async () => {
    const deployment = await createDeployment(suite.owner.token);
    const provider = await createIdentityProvider(
      suite.owner.token,
      deployment.id,
      suite.idp.issuer,
    );
    const app = await createApplication(suite.owner.token, deployment.id, {
      idpIds: [provider.id],
    });
    expect(app.status).toBe('READY');
    const got = await callRoute<TIdentityProviderResponse>(idpRoute.GET, {
      auth: suite.owner.token,
      params: { id: provider.id },
    });
    expect(got.body.applicationIds).toEqual([app.id]);

    const deleted = await callRoute(idpRoute.DELETE, {
      method: 'DELETE',
      auth: suite.owner.token,
      params: { id: provider.id },
    });
    expect(deleted.status).toBe(204);
    const after = await callRoute<TApplicationResponse>(applicationRoute.GET, {
      auth: suite.owner.token,
      params: { id: app.id },
    });
    expect(after.body).toMatchObject({ idpIds: [], status: 'INCOMPLETE' });
    expect(
      (await callRoute(idpRoute.GET, { auth: suite.owner.token, params: { id: provider.id } }))
        .status,
    ).toBe(404);
  });
});
