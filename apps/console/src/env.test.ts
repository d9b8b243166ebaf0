import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeEncryptionKey, parseEnv } from './env';

const KEY = randomBytes(32);
const BASE = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/gatehouse',
  GATEHOUSE_ENCRYPTION_KEY: KEY.toString('base64'),
  NEXTAUTH_SECRET: 'x'.repeat(32),
  GATEHOUSE_PUBLIC_URL: 'https://console.example.test',
};

afterEach(() => vi.restoreAllMocks());

describe('parseEnv', () => {
  it('accepts the encryption key as base64, base64url or hex', () => {
    for (const text of [KEY.toString('base64'), KEY.toString('base64url'), KEY.toString('hex')]) {
      expect(decodeEncryptionKey(text)?.equals(KEY)).toBe(true);
    }
    expect(decodeEncryptionKey(randomBytes(16).toString('base64'))).toBeUndefined();
    expect(parseEnv({ ...BASE }).encryptionKey.equals(KEY)).toBe(true);
  });

  it('refuses to start without a valid encryption key or session secret outside dev mode', () => {
    expect(() => parseEnv({ ...BASE, GATEHOUSE_ENCRYPTION_KEY: undefined })).toThrow(
      'GATEHOUSE_ENCRYPTION_KEY is required',
    );
    expect(() => parseEnv({ ...BASE, GATEHOUSE_ENCRYPTION_KEY: 'too-short' })).toThrow(
      'must be 32 random bytes',
    );
    expect(() => parseEnv({ ...BASE, NEXTAUTH_SECRET: undefined })).toThrow(
      'NEXTAUTH_SECRET (or AUTH_SECRET) is required',
    );
    expect(() => parseEnv({ ...BASE, DATABASE_URL: 'mysql://x' })).toThrow(
      'DATABASE_URL: must be a postgresql:// URL',
    );
    expect(() => parseEnv({ ...BASE, GATEHOUSE_PUBLIC_URL: undefined })).toThrow(
      'GATEHOUSE_PUBLIC_URL',
    );
    expect(() => parseEnv({ ...BASE, DATABASE_URL: undefined })).toThrow(
      'DATABASE_URL is required',
    );
  });

  it('derives development secrets in dev mode, loudly', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const env = parseEnv({ GATEHOUSE_DEV_MODE: 'true' });
    expect(env.databaseUrl).toBe('postgresql://postgres@127.0.0.1:5432/gatehouse_dev');
    expect(env.devMode).toBe(true);
    expect(env.encryptionKey).toHaveLength(32);
    expect(env.publicUrl.origin).toBe('http://localhost:3000');
    expect(warn.mock.calls.flat().join('\n')).toContain('GATEHOUSE_ENCRYPTION_KEY is not set');
  });

  it('reads bootstrap and console OIDC settings only as complete sets', () => {
    const source: Record<string, string | undefined> = {
      ...BASE,
      GATEHOUSE_BOOTSTRAP_EMAIL: 'Admin@Example.test',
      GATEHOUSE_BOOTSTRAP_PASSWORD: 'long enough password',
    };
    expect(parseEnv(source).bootstrap).toEqual({
      email: 'admin@example.test',
      password: 'long enough password',
      token: undefined,
    });
    expect(source.NEXTAUTH_URL).toBe('https://console.example.test');
    expect(() => parseEnv({ ...BASE, GATEHOUSE_BOOTSTRAP_EMAIL: 'a@example.test' })).toThrow(
      'both',
    );
    expect(() => parseEnv({ ...source, GATEHOUSE_BOOTSTRAP_TOKEN: 'ght_short' })).toThrow(
      'GATEHOUSE_BOOTSTRAP_TOKEN',
    );
    const short = { ...source, GATEHOUSE_BOOTSTRAP_PASSWORD: 'password' };
    expect(() => parseEnv(short)).toThrow('GATEHOUSE_BOOTSTRAP_PASSWORD must be at least 12');
    // `pnpm dev` publishes the demo owner's password `password`; only dev mode accepts it.
    expect(parseEnv({ ...short, GATEHOUSE_DEV_MODE: 'true' }).bootstrap?.password).toBe('password');
    expect(() => parseEnv({ ...BASE, GATEHOUSE_OIDC_ISSUER: 'https://idp.example.test' })).toThrow(
      'GATEHOUSE_OIDC_CLIENT_ID',
    );
    expect(
      parseEnv({
        ...BASE,
        GATEHOUSE_OIDC_ISSUER: 'https://idp.example.test',
        GATEHOUSE_OIDC_CLIENT_ID: 'console',
        GATEHOUSE_OIDC_CLIENT_SECRET: 'secret',
      }).oidc,
    ).toEqual({
      issuer: 'https://idp.example.test',
      clientId: 'console',
      clientSecret: 'secret',
      name: 'single sign-on',
    });
  });
});
