import { getPrisma } from '../db/get-prisma';
import { hashSecret, secretMatchesHash } from '../crypto/hash-secret';
import { AppError } from '../errors/app-error';
import { agentFailures, agentKeyUse, enforceRateLimit } from '../rate-limit/limiters';

export interface AgentCaller {
  provisioningKeyId: string;
  organizationId: string;
  deploymentId: string;
}

// Compared against when the key id is unknown, so an unknown key costs the same as a wrong secret.
const DUMMY_HASH = hashSecret('gatehouse-unknown-provisioning-key');
const LAST_USED_PRECISION_MS = 60_000;

function refuse(reason: string): AppError {
  // The agent shows this reason on its 503 page and in its logs; it reveals nothing a holder of
  // the key id does not already know.
  return new AppError('unauthorized', reason, {
    headers: { 'WWW-Authenticate': 'Basic realm="gatehouse-agent", charset="UTF-8"' },
  });
}

/**
 * Agents send `Authorization: Basic base64(ghk_…:ghs_…)`. The key id is public and selects the
 * row; the secret is compared with its stored SHA-256 in constant time.
 */
export async function authenticateAgent(request: Request, ip: string | null): Promise<AgentCaller> {
  // Failures are limited per address; the per-key budget is spent only by requests that proved
  // the secret, so knowing a key id is not enough to starve that key's agents.
  const address = ip ?? 'unknown';
  if (agentFailures.retryAfterSeconds(address) > 0) {
    enforceRateLimit(agentFailures, address, 'failed agent authentications from this address');
  }
  try {
    return await verifyAgentCredentials(request);
  } catch (error) {
    agentFailures.take(address);
    throw error;
  }
}

async function verifyAgentCredentials(request: Request): Promise<AgentCaller> {
  const credentials = parseBasic(request.headers.get('authorization'));
  if (!credentials) {
    throw refuse('Send the provisioning key and secret as Authorization: Basic (key:secret).');
  }
  const prisma = getPrisma();
  const key = await prisma.provisioningKey.findUnique({
    where: { keyId: credentials.keyId },
    omit: { secretHash: false },
  });
  const secretOk = secretMatchesHash(credentials.secret, key?.secretHash ?? DUMMY_HASH);
  if (!key || !secretOk) throw refuse('provisioning key or secret is wrong');
  const problem = provisioningKeyProblem(key);
  if (problem) throw refuse(problem);
  enforceRateLimit(agentKeyUse, key.id, 'requests with this provisioning key');
  const now = Date.now();
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await prisma.provisioningKey.update({
      where: { id: key.id },
      data: { lastUsedAt: new Date(now) },
    });
  }
  return {
    provisioningKeyId: key.id,
    organizationId: key.organizationId,
    deploymentId: key.deploymentId,
  };
}

function provisioningKeyProblem(key: { revokedAt: Date | null; expiresAt: Date | null }) {
  if (key.revokedAt) return 'provisioning key revoked';
  if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) return 'provisioning key expired';
  return null;
}

/** For a long poll that was woken: is the key it authenticated with still good? */
export async function assertProvisioningKeyActive(provisioningKeyId: string): Promise<void> {
  const key = await getPrisma().provisioningKey.findUnique({ where: { id: provisioningKeyId } });
  if (!key) throw refuse('provisioning key deleted');
  const problem = provisioningKeyProblem(key);
  if (problem) throw refuse(problem);
}

function parseBasic(header: string | null): { keyId: string; secret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { keyId: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
