import { importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { TAgentConfig } from '@gatehouse/contract';

type AssertionKeyConfig = TAgentConfig['assertionKeys'][number];

export interface AssertionKeys {
  /** The key that signs (the first one configured). */
  signing: { kid: string; key: CryptoKey };
  /** Every configured key's public half: upstreams keep verifying through a rotation. */
  jwks: { keys: JWK[] };
}

export async function importAssertionKeys(
  keys: readonly AssertionKeyConfig[],
): Promise<AssertionKeys> {
  const first = keys[0];
  if (!first)
    throw new Error('The configuration has no assertion key; the console must issue one.');
  const key = await importJWK({ ...first.privateJwk, alg: 'ES256' }, 'ES256');
  if (key instanceof Uint8Array) throw new Error(`Assertion key ${first.id} is not an EC key.`);
  return {
    signing: { kid: first.id, key },
    jwks: {
      keys: keys.map(({ id, privateJwk }) => ({
        kty: privateJwk.kty,
        crv: privateJwk.crv,
        x: privateJwk.x,
        y: privateJwk.y,
        kid: id,
        alg: 'ES256',
        use: 'sig',
      })),
    },
  };
}

export interface SignedAssertion {
  token: string;
  /** Epoch seconds. */
  expiresAt: number;
}

export interface AssertionSettings {
  /** `<application origin><reserved prefix>`: its keys are at `<issuer>/jwks.json`. */
  issuer: string;
  /** The application URL: the assertion is for this application and no other. */
  audience: string;
  ttlSeconds: number;
}

export function signAssertion(
  keys: AssertionKeys,
  settings: AssertionSettings,
  subject: string,
  claims: Record<string, unknown>,
  nowSeconds: number,
): Promise<SignedAssertion> {
  const expiresAt = nowSeconds + settings.ttlSeconds;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: keys.signing.kid, typ: 'JWT' })
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setSubject(subject)
    .setIssuedAt(nowSeconds)
    .setNotBefore(nowSeconds - 5)
    .setExpirationTime(expiresAt)
    .sign(keys.signing.key)
    .then((token) => ({ token, expiresAt }));
}
