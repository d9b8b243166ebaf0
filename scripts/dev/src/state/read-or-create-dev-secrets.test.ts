import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEV_SECRETS_FILE, readOrCreateDevSecrets } from './read-or-create-dev-secrets';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-dev-secrets-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('readOrCreateDevSecrets', () => {
  it('generates the secrets once, readable by this user only, and returns the same ones after', async () => {
    const first = await readOrCreateDevSecrets(join(dataDir, 'fresh'));
    expect(Buffer.from(first.encryptionKey, 'base64')).toHaveLength(32);
    expect(first.nextAuthSecret.length).toBeGreaterThanOrEqual(32);
    // What the console accepts as GATEHOUSE_BOOTSTRAP_TOKEN.
    expect(first.apiToken).toMatch(/^ght_[A-Za-z0-9_-]{32,}$/);
    const file = await stat(join(dataDir, 'fresh', DEV_SECRETS_FILE));
    expect(file.mode & 0o777).toBe(0o600);

    expect(await readOrCreateDevSecrets(join(dataDir, 'fresh'))).toEqual(first);
    expect((await readOrCreateDevSecrets(join(dataDir, 'other'))).apiToken).not.toBe(
      first.apiToken,
    );
  });

  it('refuses a file it did not write rather than replacing the secrets in it', async () => {
    await writeFile(join(dataDir, DEV_SECRETS_FILE), '{"encryptionKey": 1}');
    await expect(readOrCreateDevSecrets(dataDir)).rejects.toThrow(
      `${join(dataDir, DEV_SECRETS_FILE)} is not what pnpm dev wrote there`,
    );
  });
});
