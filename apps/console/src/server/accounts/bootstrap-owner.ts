import { runInTransaction } from '@gatehouse/db';
import type { ConsoleEnv } from '@/env';
import { recordAuditEvent } from '../audit/record-audit-event';
import { displayPrefix, hashSecret } from '../crypto/hash-secret';
import { hashPassword } from '../crypto/password-hash';
import { getPrisma } from '../db/get-prisma';
import { createOrganizationWithOwner } from './create-organization-with-owner';

export type BootstrapResult = 'not-configured' | 'already-initialized' | 'created';

/**
 * First-run setup for automation (docker-compose, Helm): when GATEHOUSE_BOOTSTRAP_EMAIL and
 * _PASSWORD are set and the console has no user yet, create that user as owner of the
 * organization "Default", and GATEHOUSE_BOOTSTRAP_TOKEN (if set) as their API token. Once any user
 * exists it does nothing, so restarts with the same environment are harmless.
 */
export async function bootstrapOwner(config: ConsoleEnv['bootstrap']): Promise<BootstrapResult> {
  if (!config) return 'not-configured';
  const prisma = getPrisma();
  if ((await prisma.user.count()) > 0) return 'already-initialized';
  const passwordHash = await hashPassword(config.password);
  return runInTransaction(prisma, async (tx) => {
    // Replicas starting together: the lock makes the second one see the first one's user.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('gatehouse_bootstrap'))`;
    if ((await tx.user.count()) > 0) return 'already-initialized';
    const meta = { ip: null, userAgent: 'gatehouse-bootstrap' };
    const { user, organization } = await createOrganizationWithOwner(
      tx,
      { email: config.email, name: null, passwordHash },
      'Default',
      { ...meta, slug: 'default' },
    );
    if (config.token) {
      const token = await tx.apiToken.create({
        data: {
          organizationId: organization.id,
          userId: user.id,
          name: 'Bootstrap token',
          tokenHash: hashSecret(config.token),
          tokenPrefix: displayPrefix(config.token),
        },
      });
      await recordAuditEvent(
        tx,
        { organizationId: organization.id, userId: user.id, apiTokenId: null, ...meta },
        { action: 'api_token.create', targetType: 'api_token', targetId: token.id },
      );
    }
    return 'created';
  });
}
