import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSampleAgentConfig } from '@gatehouse/contract/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfigCache } from './config-cache';

const credentials = {
  provisioningKey: 'ghk_cachetest01',
  provisioningSecret: 'ghs_cache-test-secret-0123456789',
};

let stateDir: string;
beforeEach(async () => {
  stateDir = join(await mkdtemp(join(tmpdir(), 'gatehouse-cache-')), 'state');
});
afterEach(async () => {
  await rm(dirname(stateDir), { recursive: true, force: true });
});

describe('config cache', () => {
  it('round-trips a document without any secret readable on disk', async () => {
    const cache = createConfigCache({ stateDir, ...credentials });
    const document = buildSampleAgentConfig({ version: 4 });
    await cache.write(document);

    expect(await cache.read()).toEqual(document);
    const onDisk = await readFile(cache.path, 'utf8');
    expect(onDisk).not.toContain(document.identityProviders[0]?.clientSecret);
    expect(onDisk).not.toContain(document.sessionKeys[0]?.secret);
    expect(onDisk).not.toContain('"version":4');
  });

  it('is readable by its owner only', async () => {
    const cache = createConfigCache({ stateDir, ...credentials });
    await cache.write(buildSampleAgentConfig());
    expect((await stat(cache.path)).mode & 0o777).toBe(0o600);
    expect((await stat(stateDir)).mode & 0o777).toBe(0o700);
  });

  it('answers null when nothing is cached yet', async () => {
    expect(await createConfigCache({ stateDir, ...credentials }).read()).toBeNull();
  });

  it('refuses a file with one byte changed, with a message that says what to do', async () => {
    const cache = createConfigCache({ stateDir, ...credentials });
    await cache.write(buildSampleAgentConfig());
    const sealed = JSON.parse(await readFile(cache.path, 'utf8')) as { ciphertext: string };
    const flipped = sealed.ciphertext.startsWith('A') ? 'B' : 'A';
    sealed.ciphertext = flipped + sealed.ciphertext.slice(1);
    await writeFile(cache.path, JSON.stringify(sealed));

    await expect(cache.read()).rejects.toThrow(
      `cached configuration in ${cache.path} failed its integrity check`,
    );
    await expect(cache.read()).rejects.toThrow('delete it or reconnect the agent to the console');
  });

  it('refuses a file sealed under another provisioning secret or key', async () => {
    await createConfigCache({ stateDir, ...credentials }).write(buildSampleAgentConfig());
    const otherSecret = createConfigCache({
      stateDir,
      ...credentials,
      provisioningSecret: 'ghs_another-secret-0123456789',
    });
    await expect(otherSecret.read()).rejects.toThrow('failed its integrity check');
    const otherKey = createConfigCache({
      stateDir,
      ...credentials,
      provisioningKey: 'ghk_other0001',
    });
    await expect(otherKey.read()).rejects.toThrow('sealed for provisioning key ghk_cachetest01');
  });

  it('refuses a file that is not a sealed configuration at all', async () => {
    const cache = createConfigCache({ stateDir, ...credentials });
    await cache.write(buildSampleAgentConfig());
    await writeFile(cache.path, JSON.stringify(buildSampleAgentConfig()));
    await expect(cache.read()).rejects.toThrow('not a sealed configuration');
  });
});
