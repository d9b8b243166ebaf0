import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The cached configuration holds session keys, signing keys and IdP client secrets, so the whole
 * document is sealed with AES-256-GCM rather than field by field: nothing in it is readable and
 * any change to the file fails the authentication tag. The key is derived (HKDF-SHA256, RFC 5869)
 * from the provisioning secret, which only the operator's environment holds; the key id is bound
 * in as HKDF info and as additional authenticated data, so a file written for one key is never
 * taken for another's.
 */
const HKDF_SALT = 'gatehouse-agent/config-cache/v1';
const FORMAT = 'gatehouse-agent-config-cache';

export interface SealedConfig {
  format: typeof FORMAT;
  version: 1;
  keyId: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

export interface CacheKey {
  keyId: string;
  key: Buffer;
}

export function deriveCacheKey(provisioningKey: string, provisioningSecret: string): CacheKey {
  const info = `gatehouse agent config cache for ${provisioningKey}`;
  const key = Buffer.from(hkdfSync('sha256', provisioningSecret, HKDF_SALT, info, 32));
  return { keyId: provisioningKey, key };
}

export function sealConfig(plaintext: string, { keyId, key }: CacheKey): SealedConfig {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(additionalData(keyId));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    format: FORMAT,
    version: 1,
    keyId,
    iv: iv.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
    ciphertext: ciphertext.toString('base64url'),
  };
}

/** The plaintext, or throws when the envelope is malformed, altered or sealed with another key. */
export function openSealedConfig(sealed: unknown, { keyId, key }: CacheKey): string {
  if (!isSealedConfig(sealed)) throw new Error('not a sealed configuration');
  if (sealed.keyId !== keyId) {
    throw new Error(`sealed for provisioning key ${sealed.keyId}, not ${keyId}`);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64url'));
  decipher.setAAD(additionalData(keyId));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
  const plaintext = Buffer.concat([
    decipher.update(Buffer.from(sealed.ciphertext, 'base64url')),
    decipher.final(),
  ]);
  return plaintext.toString('utf8');
}

function additionalData(keyId: string): Buffer {
  return Buffer.from(`${FORMAT}/v1/${keyId}`, 'utf8');
}

function isSealedConfig(value: unknown): value is SealedConfig {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    record.format === FORMAT &&
    record.version === 1 &&
    typeof record.keyId === 'string' &&
    typeof record.iv === 'string' &&
    // A 16-byte tag, so a truncated one cannot weaken the check.
    typeof record.tag === 'string' &&
    Buffer.from(record.tag, 'base64url').length === 16 &&
    typeof record.ciphertext === 'string'
  );
}
