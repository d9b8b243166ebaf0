import { generateKeyPairSync } from 'node:crypto';
import type { JWK } from 'oidc-provider';

// Fresh keys on every start. Fine for a dev IdP: its sessions and tokens live in memory and die
// with the process anyway, and relying parties refetch the JWKS when they meet an unknown `kid`.
// A real deployment must load persistent keys instead.
export function generateSigningKeys(): { keys: JWK[] } {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
    format: 'jwk',
  });
  // RS256 first: oidc-provider signs ID tokens with the first key matching the client's alg,
  // and RS256 is the default id_token_signed_response_alg.
  return {
    keys: [
      { ...rsa, use: 'sig', alg: 'RS256' },
      { ...ec, use: 'sig', alg: 'ES256' },
    ],
  };
}
