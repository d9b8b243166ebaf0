import { describe, expect, it } from 'vitest';
import * as keysRoute from '../../app/api/v1/deployments/[id]/provisioning-keys/route';
import type { ErrorBody } from '@/server/errors/handle-api-error';
import type { TProvisioningKeyListResponse } from '@/server/provisioning-keys/provisioning-key.types';
import { callRoute } from '../helpers/call-route';
import { createDeploymentWithKey } from '../helpers/api-fixtures';
import { setUpOwnerSuite } from '../helpers/console-test';

// Issuing keys through the REST API; what agents do with them is agent-api.test.ts.
const suite = setUpOwnerSuite();

describe('provisioning keys', () => {
  it('show the secret once and store only its hash', async () => {
    const { deployment, key } = await createDeploymentWithKey(suite.owner.token, suite.idp.issuer);
    expect(key).toMatchObject({ name: 'cluster-a', status: 'ACTIVE', expiresAt: null });
    expect(key.key).toMatch(/^ghk_[0-9a-f]{24}$/);
    expect(key.secret).toMatch(/^ghs_[\w-]{43}$/);
    expect(key.secret.startsWith(key.secretPrefix)).toBe(true);
    const row = await suite.db.prisma.provisioningKey.findUniqueOrThrow({
      where: { id: key.id },
      omit: { secretHash: false },
    });
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(key.secret);
    const list = await callRoute<TProvisioningKeyListResponse>(keysRoute.GET, {
      auth: suite.owner.token,
      params: { id: deployment.id },
    });
    expect(list.body.provisioningKeys).toHaveLength(1);
    expect(list.body.provisioningKeys[0]).not.toHaveProperty('secret');
    expect(JSON.stringify(list.body)).not.toContain(key.secret);

    const past = await callRoute<ErrorBody>(keysRoute.POST, {
      method: 'POST',
      auth: suite.owner.token,
      params: { id: deployment.id },
      body: { name: 'old', expiresAt: '2001-01-01T00:00:00Z' },
    });
    expect(past.status).toBe(422);
    expect(past.body.error.issues?.[0]?.path).toBe('expiresAt');
  });
});
