import type { MembershipRole } from '@gatehouse/db';
import { AppError } from '../errors/app-error';

/** Who is calling, in which organization, with which role; every server function takes one. */
export interface Actor {
  organizationId: string;
  userId: string;
  role: MembershipRole;
  /** Set when the call came with an API token rather than a signed-in session. */
  apiTokenId: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** read: every member; write: admins and owners; owner: managing members and invitations. */
export type Permission = 'read' | 'write' | 'owner';

const RANK: Record<MembershipRole, number> = { VIEWER: 1, ADMIN: 2, OWNER: 3 };
const NEEDED: Record<Permission, number> = { read: 1, write: 2, owner: 3 };

export function roleAllows(role: MembershipRole, permission: Permission): boolean {
  return RANK[role] >= NEEDED[permission];
}

/** The lower of two roles: a token never acts with more rights than its creator has now. */
export function lowerRole(a: MembershipRole, b: MembershipRole): MembershipRole {
  return RANK[a] <= RANK[b] ? a : b;
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (roleAllows(actor.role, permission)) return;
  const needs = permission === 'owner' ? 'an owner' : 'an admin or owner';
  throw new AppError(
    'forbidden',
    `Your role (${actor.role.toLowerCase()}) cannot do this; ask ${needs} of the organization.`,
  );
}
