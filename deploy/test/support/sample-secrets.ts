import { randomBytes } from 'node:crypto';

/** Values of the shape each secret must have, as an operator would generate them. */
export function generateSampleSecrets(): Record<string, string> {
  return {
    POSTGRES_PASSWORD: randomBytes(18).toString('base64url'),
    GATEHOUSE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
    PROVISIONING_KEY: `ghk_${randomBytes(9).toString('base64url')}`,
    PROVISIONING_SECRET: `ghs_${randomBytes(24).toString('base64url')}`,
  };
}
