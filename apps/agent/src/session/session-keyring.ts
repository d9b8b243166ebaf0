import { createSecretKey, type KeyObject } from 'node:crypto';
import { CompactEncrypt, compactDecrypt } from 'jose';
import type { TAgentConfig } from '@gatehouse/contract';

/**
 * AES-256-GCM (JWE `dir` + `A256GCM`) with the deployment's session keys: authenticated
 * encryption, so a cookie changed by one bit fails to decrypt. The first key encrypts and names
 * itself in `kid`; every configured key decrypts, so keys rotate without signing anyone out.
 */
export interface SessionKeyring {
  seal(payload: object): Promise<string>;
  /** The payload, or null for anything not sealed by one of our keys. */
  open(token: string): Promise<unknown>;
}

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();

export function createSessionKeyring(keys: TAgentConfig['sessionKeys']): SessionKeyring {
  const first = keys[0];
  if (!first) throw new Error('The configuration has no session key; the console must issue one.');
  const byId = new Map<string, KeyObject>(
    keys.map((key) => [key.id, createSecretKey(Buffer.from(key.secret, 'base64url'))]),
  );
  const sealing = byId.get(first.id) as KeyObject;

  return {
    seal: (payload) =>
      new CompactEncrypt(ENCODER.encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: first.id })
        .encrypt(sealing),
    async open(token) {
      if (token.length > 64 * 1024) return null;
      try {
        const { plaintext } = await compactDecrypt(
          token,
          (header) => {
            const key = header.kid === undefined ? undefined : byId.get(header.kid);
            if (!key) throw new Error('unknown session key');
            return key;
          },
          { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] },
        );
        return JSON.parse(DECODER.decode(plaintext)) as unknown;
      } catch {
        return null;
      }
    },
  };
}
