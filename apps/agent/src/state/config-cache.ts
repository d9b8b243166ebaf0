import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { deriveCacheKey, openSealedConfig, sealConfig, type CacheKey } from './cache-cipher';
import { writeFileAtomically } from './write-file-atomically';

export class CachedConfigRefusedError extends Error {
  constructor(path: string, reason: string) {
    super(
      `cached configuration in ${path} failed its integrity check (${reason}); ` +
        'delete it or reconnect the agent to the console',
    );
    this.name = 'CachedConfigRefusedError';
  }
}

/** The last good configuration document, sealed on disk so the agent survives console outages. */
export interface ConfigCache {
  readonly path: string;
  /** The cached document (still to be validated), null when there is none; throws when refused. */
  read(): Promise<unknown>;
  write(document: unknown): Promise<void>;
  remove(): Promise<void>;
}

export function createConfigCache(options: {
  stateDir: string;
  provisioningKey: string;
  provisioningSecret: string;
}): ConfigCache {
  const path = join(options.stateDir, 'config.json');
  const key: CacheKey = deriveCacheKey(options.provisioningKey, options.provisioningSecret);
  return {
    path,
    async read() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      try {
        return JSON.parse(openSealedConfig(JSON.parse(text), key)) as unknown;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new CachedConfigRefusedError(path, reason);
      }
    },
    async write(document) {
      const sealed = sealConfig(JSON.stringify(document), key);
      await writeFileAtomically(path, `${JSON.stringify(sealed)}\n`);
    },
    async remove() {
      await rm(path, { force: true });
    },
  };
}
