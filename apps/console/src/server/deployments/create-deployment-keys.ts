import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { DatabaseTransaction } from '@gatehouse/db';
import { sealSecret } from '../crypto/secret-box';
import { sealContext } from '../crypto/seal-context';

interface DeploymentRef {
  organizationId: string;
  deploymentId: string;
}

/**
 * Every deployment gets its own keys, shared by all its agents: a SESSION key (32 random bytes,
 * AES-256-GCM for session cookies, so any replica reads any session) and an ASSERTION key (ES256,
 * signs the JWT attribute pass; upstreams verify with the public JWK). Both sealed at rest.
 */
export async function createDeploymentKeys(
  tx: DatabaseTransaction,
  deployment: DeploymentRef,
  encryptionKey: Buffer,
): Promise<void> {
  const context = sealContext.deploymentKey(deployment.organizationId);
  await tx.deploymentKey.create({
    data: {
      ...deployment,
      purpose: 'SESSION',
      secretCiphertext: sealSecret(randomBytes(32).toString('base64url'), encryptionKey, context),
    },
  });

  const id = randomUUID();
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' });
  const privateJwk = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d };
  await tx.deploymentKey.create({
    data: {
      ...deployment,
      id,
      purpose: 'ASSERTION',
      secretCiphertext: sealSecret(JSON.stringify(privateJwk), encryptionKey, context),
      publicJwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid: id, alg: 'ES256', use: 'sig' },
    },
  });
}
