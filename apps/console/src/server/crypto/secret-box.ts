// Secrets the console must read back (IdP client secrets, deployment keys) are sealed with
// AES-256-GCM under GATEHOUSE_ENCRYPTION_KEY, which lives in the environment, never the database.
// Format `v1:<iv>:<tag>:<ciphertext>` (base64url): the version names the algorithm and key
// generation, so a future key rotation can add `v2` and still open `v1`.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12; // NIST SP 800-38D §8.2: 96-bit random IVs
const TAG_BYTES = 16;

/**
 * `context` is bound as additional authenticated data, e.g. `identity-provider:<orgId>`: a
 * ciphertext copied into another column or another organization's row fails to open.
 */
export function sealSecret(plaintext: string, key: Buffer, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), data]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join(':');
}

export function openSecret(sealed: string, key: Buffer, context: string): string {
  const [version, iv, tag, data, ...rest] = sealed.split(':');
  if (version !== VERSION || !iv || !tag || data === undefined || rest.length > 0) {
    throw new Error(`Cannot open a sealed secret of format "${version ?? ''}".`);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([
      decipher.update(Buffer.from(data, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch (error) {
    throw new Error(
      'A sealed secret failed its integrity check: GATEHOUSE_ENCRYPTION_KEY differs from the key ' +
        'it was sealed with, or the stored value was altered.',
      { cause: error },
    );
  }
}
