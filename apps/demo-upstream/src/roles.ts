// CVAT's IAM groups, highest privilege first. CVAT's header auth honours exactly these names in
// X-Groups (colon-separated, case-sensitive, as Django group names are) and ignores anything else.
export const ROLES_BY_RANK = ['admin', 'business', 'user', 'worker'] as const;

export type Role = (typeof ROLES_BY_RANK)[number];

export interface GroupsHeader {
  /** Recognised groups in the order they were sent, without duplicates. */
  groups: Role[];
  /**
   * The highest recognised group, or null when X-Groups names none of CVAT's groups.
   * Null is deliberate: CVAT puts a header-created user in the groups it was sent and invents
   * none, so a group-less user stays group-less. Defaulting to `user` or `worker` here would hide
   * a role-mapping mistake in the agent behind a plausible-looking role.
   */
  role: Role | null;
}

export function isRole(value: string): value is Role {
  return (ROLES_BY_RANK as readonly string[]).includes(value);
}

export function parseGroupsHeader(value: string | undefined): GroupsHeader {
  const groups: Role[] = [];
  for (const name of value?.split(':') ?? []) {
    if (isRole(name) && !groups.includes(name)) groups.push(name);
  }
  return { groups, role: pickHighestRole(groups) };
}

export function pickHighestRole(groups: readonly Role[]): Role | null {
  return ROLES_BY_RANK.find((role) => groups.includes(role)) ?? null;
}
