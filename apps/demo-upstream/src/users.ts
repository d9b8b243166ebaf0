import type { GroupsHeader, Role } from './roles';

export interface DemoUser {
  email: string;
  role: Role | null;
  groups: Role[];
  createdAt: Date;
}

export interface UserStore {
  /** CVAT's header sign-in: the first sighting of an email creates the user, later ones update it. */
  recordHeaderSignIn(email: string, groups: GroupsHeader): { user: DemoUser; created: boolean };
  findUser(email: string): DemoUser | undefined;
  listUsers(): DemoUser[];
}

// In memory on purpose: the demo upstream is a test double, and a restart giving a clean slate is
// what its tests want. Records are replaced, never mutated, so callers can keep what they read.
export function createUserStore(): UserStore {
  const usersByEmail = new Map<string, DemoUser>();
  return {
    recordHeaderSignIn(email, { groups, role }) {
      const existing = usersByEmail.get(email);
      const user: DemoUser = { email, role, groups, createdAt: existing?.createdAt ?? new Date() };
      usersByEmail.set(email, user);
      return { user, created: existing === undefined };
    },
    findUser: (email) => usersByEmail.get(email),
    listUsers: () => [...usersByEmail.values()],
  };
}
