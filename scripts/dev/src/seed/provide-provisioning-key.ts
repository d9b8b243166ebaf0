import {
  readProvisioningKeyFile,
  writeProvisioningKeyFile,
  type SavedProvisioningKey,
} from '../state/provisioning-key-file';
import type { ConsoleApi } from './console-api';

interface ListedKey {
  id: string;
  status: 'ACTIVE' | 'EXPIRED' | 'REVOKED';
}

interface CreatedKey {
  id: string;
  deploymentId: string;
  key: string;
  secret: string;
}

export const DEV_KEY_NAME = 'pnpm dev';

/**
 * The demo agent's provisioning key: the one kept in DATA_DIR while the console still lists it as
 * active for the demo deployment; otherwise (first run, revoked, expired, another database) a new
 * one, kept in its place. `reused` tells which.
 */
export async function provideProvisioningKey(
  api: ConsoleApi,
  dataDir: string,
  deploymentId: string,
): Promise<{ key: SavedProvisioningKey; reused: boolean }> {
  const saved = await readProvisioningKeyFile(dataDir);
  if (saved?.deploymentId === deploymentId) {
    const { provisioningKeys } = await api.get<{ provisioningKeys: ListedKey[] }>(
      `/deployments/${deploymentId}/provisioning-keys`,
    );
    const listed = provisioningKeys.find((key) => key.id === saved.id);
    if (listed?.status === 'ACTIVE') return { key: saved, reused: true };
  }
  const created = await api.post<CreatedKey>(`/deployments/${deploymentId}/provisioning-keys`, {
    name: DEV_KEY_NAME,
  });
  const key: SavedProvisioningKey = {
    id: created.id,
    deploymentId: created.deploymentId,
    key: created.key,
    secret: created.secret,
  };
  await writeProvisioningKeyFile(dataDir, key);
  return { key, reused: false };
}
