import { z } from 'zod';
import { ZId } from './primitives';

const ZBase64Url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be base64url without padding');

/**
 * Keys for the session cookie (AES-256-GCM), shared by every agent of the deployment so any
 * replica can read a session. The first key encrypts; the others still decrypt (rotation).
 */
export const ZSessionKey = z.object({
  id: ZId,
  secret: ZBase64Url.refine(
    (value) => Buffer.from(value, 'base64url').length === 32,
    'must encode exactly 32 bytes',
  ),
});

/** ES256 keys that sign the JWT attribute-pass assertion; the first key signs. */
export const ZAssertionKey = z.object({
  id: ZId,
  privateJwk: z.object({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: ZBase64Url,
    y: ZBase64Url,
    d: ZBase64Url,
  }),
});
