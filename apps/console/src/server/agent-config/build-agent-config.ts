import {
  validateAgentConfig,
  type TAgentConfigInput,
  type ValidationResult,
  type TAgentConfig,
} from '@gatehouse/contract';
import type { DatabaseTransaction } from '@gatehouse/db';
import { openSecret } from '../crypto/secret-box';
import { sealContext } from '../crypto/seal-context';
import { applicationStatus } from './application-status';
import { loadDeploymentRows, type DeploymentRows } from './load-deployment-rows';
import { mapApplicationConfig } from './map-application-config';
import { mapIdentityProviderConfig } from './map-identity-provider-config';

/**
 * The whole configuration of one deployment as agents receive it, built from the database with
 * secrets opened, and checked against packages/contract. Incomplete applications are left out
 * (see application-status.ts). Returns null when the deployment does not exist.
 */
export async function buildAgentConfig(
  client: DatabaseTransaction,
  deploymentId: string,
  encryptionKey: Buffer,
): Promise<ValidationResult<TAgentConfig> | null> {
  const rows = await loadDeploymentRows(client, deploymentId);
  if (!rows) return null;
  return validateAgentConfig(assembleDocument(rows, encryptionKey));
}

export function assembleDocument(rows: DeploymentRows, encryptionKey: Buffer): TAgentConfigInput {
  const keyContext = sealContext.deploymentKey(rows.organizationId);
  const idpContext = sealContext.identityProviderSecret(rows.organizationId);
  const keysOf = (purpose: 'SESSION' | 'ASSERTION') =>
    rows.keys
      .filter((key) => key.purpose === purpose)
      .map((key) => ({
        id: key.id,
        plaintext: openSecret(key.secretCiphertext, encryptionKey, keyContext),
      }));
  return {
    version: rows.configVersion,
    generatedAt: new Date().toISOString(),
    deployment: { id: rows.id, name: rows.name },
    sessionKeys: keysOf('SESSION').map((key) => ({ id: key.id, secret: key.plaintext })),
    assertionKeys: keysOf('ASSERTION').map((key) => ({
      id: key.id,
      privateJwk: JSON.parse(key.plaintext) as TAgentConfig['assertionKeys'][number]['privateJwk'],
    })),
    trustedProxies: rows.trustedProxies,
    identityProviders: rows.identityProviders.map((idp) =>
      mapIdentityProviderConfig(idp, (ciphertext) =>
        openSecret(ciphertext, encryptionKey, idpContext),
      ),
    ),
    applications: rows.applications
      .filter((app) => applicationStatus(app).status === 'READY')
      .map(mapApplicationConfig),
  };
}
