import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writePrivateJsonFile } from './json-file';

const ZSavedProvisioningKey = z.object({
  id: z.string().min(1),
  deploymentId: z.string().min(1),
  key: z.string().startsWith('ghk_'),
  secret: z.string().startsWith('ghs_'),
});
export type SavedProvisioningKey = z.infer<typeof ZSavedProvisioningKey>;

/** The demo agent's key pair: the console shows the secret once, so pnpm dev keeps it here. */
export const PROVISIONING_KEY_FILE = 'provisioning-key.json';

export function readProvisioningKeyFile(dataDir: string) {
  return readJsonFile(join(dataDir, PROVISIONING_KEY_FILE), ZSavedProvisioningKey);
}

export function writeProvisioningKeyFile(dataDir: string, key: SavedProvisioningKey) {
  return writePrivateJsonFile(join(dataDir, PROVISIONING_KEY_FILE), key);
}
