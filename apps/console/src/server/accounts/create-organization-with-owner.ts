import { randomBytes } from 'node:crypto';
import type { DatabaseTransaction } from '@gatehouse/db';
import { recordAuditEvent } from '../audit/record-audit-event';

export interface NewOwner {
  email: string;
  name: string | null;
  passwordHash: string;
}

/** A new organization whose first member, its owner, is a new user. */
export async function createOrganizationWithOwner(
  tx: DatabaseTransaction,
  owner: NewOwner,
  organizationName: string,
  meta: { ip: string | null; userAgent: string | null; slug?: string },
) {
  const user = await tx.user.create({ data: owner });
  const organization = await tx.organization.create({
    data: { name: organizationName, slug: meta.slug ?? slugify(organizationName) },
  });
  await tx.membership.create({
    data: { organizationId: organization.id, userId: user.id, role: 'OWNER' },
  });
  await recordAuditEvent(
    tx,
    { organizationId: organization.id, userId: user.id, apiTokenId: null, ...meta },
    { action: 'organization.create', targetType: 'organization', targetId: organization.id },
  );
  return { user, organization };
}

/** `Acme Vision` → `acme-vision-3f9a1c`: readable, and unique without asking the database. */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'org'}-${randomBytes(3).toString('hex')}`;
}
