import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writePrivateJsonFile } from './json-file';

const ZDevSecrets = z.object({
  /** GATEHOUSE_ENCRYPTION_KEY: 32 random bytes, base64. */
  encryptionKey: z.string().min(1),
  /** NEXTAUTH_SECRET. */
  nextAuthSecret: z.string().min(32),
  /** The bootstrap owner's API token, `ght_…`. */
  apiToken: z.string().regex(/^ght_[A-Za-z0-9_-]{32,}$/),
});
export type DevSecrets = z.infer<typeof ZDevSecrets>;

export const DEV_SECRETS_FILE = 'secrets.json';

/**
 * The console's secrets for this DATA_DIR, generated on the first run and reused after: a new
 * encryption key would make the stored IdP client secrets unreadable, a new session secret would
 * sign everyone out, and the API token is the one the console's bootstrap created.
 */
export async function readOrCreateDevSecrets(dataDir: string): Promise<DevSecrets> {
  const path = join(dataDir, DEV_SECRETS_FILE);
  const saved = await readJsonFile(path, ZDevSecrets);
  if (saved) return saved;
  const secrets: DevSecrets = {
    encryptionKey: randomBytes(32).toString('base64'),
    nextAuthSecret: randomBytes(32).toString('base64url'),
    apiToken: `ght_${randomBytes(32).toString('base64url')}`,
  };
  await writePrivateJsonFile(path, secrets);
  return secrets;
}
