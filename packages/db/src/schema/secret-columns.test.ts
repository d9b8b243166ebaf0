// Hashes and ciphertexts stay out of query results unless a query asks for them, so they cannot
// leak into an API response by spreading a row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInTransaction } from '..';
import { createTestDatabase, seedWholeOrganization, type TestDatabase } from '../testing';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('secret columns', () => {
  const SECRETS = [
    ['user', 'passwordHash'],
    ['invitation', 'tokenHash'],
    ['provisioningKey', 'secretHash'],
    ['identityProvider', 'clientSecretCiphertext'],
    ['deploymentKey', 'secretCiphertext'],
    ['apiToken', 'tokenHash'],
  ] as const;

  it('are omitted from results unless a query asks for them', async () => {
    const { organization, user } = await seedWholeOrganization(db.prisma);
    await db.prisma.user.update({ where: { id: user.id }, data: { passwordHash: 'argon2id$x' } });
    const where = { organizationId: organization.id };
    const rows = {
      user: await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } }),
      invitation: await db.prisma.invitation.findFirstOrThrow({ where }),
      provisioningKey: await db.prisma.provisioningKey.findFirstOrThrow({ where }),
      identityProvider: await db.prisma.identityProvider.findFirstOrThrow({ where }),
      deploymentKey: await db.prisma.deploymentKey.findFirstOrThrow({ where }),
      apiToken: await db.prisma.apiToken.findFirstOrThrow({ where }),
    };
    for (const [model, column] of SECRETS) expect(rows[model]).not.toHaveProperty(column);

    const nested = await db.prisma.deployment.findFirstOrThrow({
      where,
      include: { provisioningKeys: true, identityProviders: true, keys: true },
    });
    expect(nested.provisioningKeys[0]).not.toHaveProperty('secretHash');
    expect(nested.identityProviders[0]).not.toHaveProperty('clientSecretCiphertext');
    expect(nested.keys[0]).not.toHaveProperty('secretCiphertext');

    const inTransaction = await runInTransaction(db.prisma, (tx) =>
      tx.provisioningKey.findFirstOrThrow({ where }),
    );
    expect(inTransaction).not.toHaveProperty('secretHash');

    const withSecret = await db.prisma.provisioningKey.findFirstOrThrow({
      where,
      omit: { secretHash: false },
    });
    expect(withSecret.secretHash).toMatch(/^[0-9a-f]{64}$/);
    const withPassword = await db.prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      omit: { passwordHash: false },
    });
    expect(withPassword.passwordHash).toBe('argon2id$x');
  });
});
